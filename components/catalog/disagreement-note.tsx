import { type Disagreement } from "@/lib/catalog";
import { CitationRef } from "./citation";

/** Both readings where Microsoft's pages disagree, each with its page and section, for the user to weigh. */
export function DisagreementNote({ disagreement, headingLevel = 2 }: { disagreement: Disagreement; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-label={`Microsoft's pages disagree: ${disagreement.topic}`} className="rounded border-l-8 border-amber-500 bg-amber-50 p-4">
      <Heading className="text-lg font-bold">Microsoft&apos;s pages disagree: {disagreement.topic}</Heading>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {disagreement.readings.map((reading) => (
          <li key={reading.says}>
            {reading.says}{" "}
            <span className="text-sm text-slate-700">
              (Source: <CitationRef cite={reading.cite} />)
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-sm">Check both with your install version before you rely on either.</p>
    </section>
  );
}
