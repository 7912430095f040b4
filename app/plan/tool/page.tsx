import type { Metadata } from "next";
import { ToolRoute } from "@/components/steps/tool-step";

export const metadata: Metadata = { title: "Choose the sync tool" };

export default function ToolPage() {
  return <ToolRoute />;
}
