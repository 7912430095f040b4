import type { Metadata } from "next";
import { ExportRoute } from "@/components/steps/export-step";

export const metadata: Metadata = { title: "Export the plan" };

export default function ExportPage() {
  return <ExportRoute />;
}
