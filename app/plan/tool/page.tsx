import type { Metadata } from "next";
import { ToolRoute } from "@/components/steps/step-routes";

export const metadata: Metadata = { title: "Choose the sync tool" };

export default function ToolPage() {
  return <ToolRoute />;
}
