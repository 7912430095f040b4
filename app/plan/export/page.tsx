import type { Metadata } from "next";
import { ExportRoute } from "@/components/steps/step-routes";

export const metadata: Metadata = { title: "Export the plan" };

export default function ExportPage() {
  return <ExportRoute />;
}
