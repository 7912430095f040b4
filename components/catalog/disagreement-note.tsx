import { linkClass } from "@/components/ui/button";
import { SOURCES, type Disagreement } from "@/lib/catalog";

/** Both readings where Microsoft's pages disagree, with their sources, for the user to weigh. */
export function DisagreementNote({ disagreement }: { disagreement: Disagreement }) {
  return (
    <section aria-label={`Microsoft's pages disagree: ${disagreement.topic}`} className="rounded border-l-8 border-amber-500 bg-amber-50 p-4">
      <h2 className="text-lg font-bold">Microsoft&apos;s pages disagree: {disagreement.topic}</h2>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {disagreement.readings.map((reading) => (
          <li key={reading.says}>
            {reading.says} (
            <a href={SOURCES[reading.source].url} className={linkClass}>
              {SOURCES[reading.source].title}
            </a>
            )
          </li>
        ))}
      </ul>
      <p className="mt-1 text-sm">Check both with your install version before you rely on either.</p>
    </section>
  );
}
