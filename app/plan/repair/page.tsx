import type { Metadata } from "next";
import { RepairRoute } from "@/components/repair/repair-route";

export const metadata: Metadata = { title: "Repair this plan" };

export default function RepairPage() {
  return <RepairRoute />;
}
