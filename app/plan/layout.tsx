import type { ReactNode } from "react";
import { WizardFrame } from "@/components/wizard/wizard-frame";

export default function PlanLayout({ children }: { children: ReactNode }) {
  return <WizardFrame>{children}</WizardFrame>;
}
