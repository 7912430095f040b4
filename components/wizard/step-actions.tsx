import Link from "next/link";
import { buttonStyles, linkClass } from "@/components/ui/button";

/** Continue submits the step's form; Back goes to the previous step without losing anything (it is autosaved). */
export function StepActions({ formId, backHref, continueLabel = "Save and continue" }: { formId: string; backHref?: string; continueLabel?: string }) {
  return (
    <div className="mt-8 flex flex-wrap items-center gap-6">
      <button type="submit" form={formId} className={buttonStyles.primary}>
        {continueLabel}
      </button>
      {backHref ? (
        <Link href={backHref} className={linkClass}>
          Back
        </Link>
      ) : null}
    </div>
  );
}
