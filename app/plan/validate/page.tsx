import type { Metadata } from "next";
import { ValidateRoute } from "@/components/steps/step-routes";

export const metadata: Metadata = { title: "Check against your tenant" };

export default function ValidatePage() {
  return <ValidateRoute />;
}
