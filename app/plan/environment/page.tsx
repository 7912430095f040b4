import type { Metadata } from "next";
import { EnvironmentRoute } from "@/components/steps/environment-step";

export const metadata: Metadata = { title: "Describe the environment" };

export default function EnvironmentPage() {
  return <EnvironmentRoute />;
}
