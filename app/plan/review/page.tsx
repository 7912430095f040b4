import type { Metadata } from "next";
import { ReviewRoute } from "@/components/steps/review-step";

export const metadata: Metadata = { title: "Check your answers" };

export default function ReviewPage() {
  return <ReviewRoute />;
}
