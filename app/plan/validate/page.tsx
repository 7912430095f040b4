import type { Metadata } from "next";
import { ValidateRoute } from "@/components/steps/validate-step";

export const metadata: Metadata = { title: "Check against your tenant" };

export default function ValidatePage() {
  return <ValidateRoute />;
}
