import type { Metadata } from "next";
import { PrintablePlan } from "@/components/print/printable-plan";

export const metadata: Metadata = { title: "Printable plan" };

export default function PrintPage() {
  return <PrintablePlan />;
}
