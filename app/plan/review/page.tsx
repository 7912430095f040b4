import type { Metadata } from "next";
import { ReviewRoute } from "@/components/steps/step-routes";

export const metadata: Metadata = { title: "Check your answers" };

export default function ReviewPage() {
  return <ReviewRoute />;
}
