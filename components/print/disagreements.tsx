import type { Disagreement } from "@/lib/catalog";
import { accountDisagreements, planFactGroups } from "@/lib/export/facts";
import { deriveAccounts, type Plan } from "@/lib/plan";
import { Cite } from "./sources";

/** Each disagreement that matters for this plan once, with what it is about: the plan's choices first, then the accounts in the plan's order. */
export function planDisagreements(plan: Plan): { about: string[]; disagreement: Disagreement }[] {
  const found = new Map<string, { about: string[]; disagreement: Disagreement }>();
  const add = (about: string, disagreement: Disagreement) => {
    const known = found.get(disagreement.topic);
    if (!known) found.set(disagreement.topic, { about: [about], disagreement });
    else if (!known.about.includes(about)) known.about.push(about);
  };
  for (const group of planFactGroups(plan)) for (const disagreement of group.disagreements) add(group.topic, disagreement);
  for (const account of deriveAccounts(plan)) for (const disagreement of accountDisagreements(account)) add(account.definition.name, disagreement);
  return [...found.values()];
}

/**
 * Where Microsoft's pages disagree on something this plan relies on: every
 * reading side by side with its numbered source, one compact item each, so
 * the printed plan shows both readings as the worksheet does.
 */
export function DisagreementsSection({ plan }: { plan: Plan }) {
  const items = planDisagreements(plan);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="print-disagreements" className="mt-3 border-t border-slate-400 pt-1">
      <h2 id="print-disagreements" className="text-lg font-bold">
        Where Microsoft&apos;s pages disagree
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {items.map(({ about, disagreement }) => (
          <li key={disagreement.topic} className="print-disagreement">
            <strong>{disagreement.topic}</strong> ({about.join(", ")}):{" "}
            {disagreement.readings.map((reading, index) => (
              <span key={reading.says}>
                {index > 0 ? " Or: " : ""}
                {reading.says} <Cite cite={reading.cite} />
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
