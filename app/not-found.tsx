import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the planner does not have: says so in its own words and leads back to the start. */
export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="my-4">There is no page at this address. Your plans are kept in this browser: the start page lists them.</p>
      <ButtonLink href="/">Go to the start page</ButtonLink>
    </div>
  );
}
