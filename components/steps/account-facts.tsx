import { headers } from "next/headers";
import { CitationRef, FactText } from "@/components/catalog/citation";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { DisagreementNote } from "@/components/catalog/disagreement-note";
import { linkClass } from "@/components/ui/button";
import { formatDate } from "@/lib/format/date";
import { ACCOUNTS_BY_ID, CATALOG_FACTS_AS_OF, CREATOR_LABELS, ENTRA_ROLES, FEATURES_BY_ID, SOURCES, type AccountId, type Fact } from "@/lib/catalog";
import { ShownForPlan } from "./account/facts-selection";

/** The reader's first language (Accept-Language), where this server knows it: dates are written as the reader writes them. */
async function readerLocale(): Promise<string | undefined> {
  const first = (await headers()).get("accept-language")?.split(",")[0]?.split(";")[0]?.trim();
  if (!first) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([first])[0];
  } catch {
    return undefined;
  }
}

/** The day the catalog's facts were checked against Microsoft's pages. */
async function FactsAsOf() {
  return (
    <p className="text-sm text-slate-700" data-testid="facts-as-of">
      Facts as of <time dateTime={CATALOG_FACTS_AS_OF}>{formatDate(CATALOG_FACTS_AS_OF, await readerLocale())}</time>, each with the page and section
      that states it.
    </p>
  );
}

/** A statement holds for every plan unless it names the tools it is about. */
const forEveryPlan = (fact: Fact) => !fact.tools;

/** Every statement of the list, each shown when it applies to the plan (ShownForPlan). */
function FactList({ facts, list }: { facts: readonly Fact[]; list: "constraints" | "securityNotes" }) {
  return (
    <ul className="mt-1 list-disc space-y-2 pl-6">
      {facts.map((fact, index) => (
        <ShownForPlan key={fact.text} listed={{ list, index, everyPlan: forEveryPlan(fact) }}>
          <li>
            <FactText fact={fact} />
          </li>
        </ShownForPlan>
      ))}
    </ul>
  );
}

/**
 * What Microsoft says about the account: shown beside its form, read from the
 * catalog, each fact with its source. A server component: the browser gets
 * the text, not the catalog. Every right and creation rule is rendered; the
 * step shows those the plan selects (ShownForPlan).
 */
export function AccountFacts({ accountId }: { accountId: AccountId }) {
  const definition = ACCOUNTS_BY_ID[accountId];
  const rights = definition.rights ?? [];
  const constraints = definition.constraints;
  const securityNotes = definition.securityNotes ?? [];
  const disagreements = definition.disagreements ?? [];
  return (
    <div className="space-y-6">
      <FactsAsOf />
      <section aria-labelledby="facts-purpose">
        <h2 id="facts-purpose" className="text-xl font-bold">
          What it is for
        </h2>
        <p className="mt-1">
          <FactText fact={definition.purpose} />
        </p>
        {definition.articleRow ? (
          <p className="mt-1 text-slate-700">
            Microsoft&apos;s accounts article calls it <strong>{definition.articleRow.requirement}</strong>: “{definition.articleRow.description}”
          </p>
        ) : null}
        {definition.roles?.length ? (
          <p className="mt-1">
            <strong>Entra role:</strong> {definition.roles.map((role) => ENTRA_ROLES[role].name).join(", ")}
          </p>
        ) : null}
        {definition.creation.map((creation, index) => (
          <ShownForPlan key={index} creation={index}>
            <p className="mt-1">
              <strong>Who creates it:</strong> {CREATOR_LABELS[creation.by]}. {creation.how}{" "}
              <span className="text-sm text-slate-700">
                (Source: <CitationRef cite={creation.cite} />)
              </span>
            </p>
          </ShownForPlan>
        ))}
      </section>

      {constraints.length > 0 ? (
        <ShownForPlan listed={{ list: "constraints", everyPlan: constraints.some(forEveryPlan) }}>
          <section aria-labelledby="facts-rules">
            <h2 id="facts-rules" className="text-xl font-bold">
              Microsoft&apos;s rules
            </h2>
            <FactList facts={constraints} list="constraints" />
          </section>
        </ShownForPlan>
      ) : null}

      {rights.length > 0 ? (
        <ShownForPlan anyRight>
          <section aria-labelledby="facts-rights">
            <h2 id="facts-rights" className="text-xl font-bold">
              Rights for the features you chose
            </h2>
            <ScrollRegion labelledBy="facts-rights">
              <table className="w-full border-collapse text-left text-sm">
                <thead>
                  <tr className="border-b-2 border-slate-700">
                    <th scope="col" className="py-1 pr-3">Feature</th>
                    <th scope="col" className="py-1 pr-3">Right</th>
                    <th scope="col" className="py-1 pr-3">Applies to</th>
                    <th scope="col" className="py-1">Granted by</th>
                  </tr>
                </thead>
                <tbody>
                  {rights.map((right, index) => (
                    <ShownForPlan key={index} right={index}>
                      <tr className="border-b border-slate-300 align-top">
                        <td className="py-1 pr-3">{right.feature === "basic" ? "Always" : FEATURES_BY_ID[right.feature].label}</td>
                        <td className="py-1 pr-3">
                          {right.right}
                          {right.note ? <span className="block text-slate-600">{right.note}</span> : null}
                          <span className="block text-slate-700">
                            Source: <CitationRef cite={right.cite} />
                          </span>
                        </td>
                        <td className="py-1 pr-3">{right.appliesTo}</td>
                        <td className="py-1">
                          <code className="[overflow-wrap:anywhere]">{right.cmdlet}</code>
                          {right.permissionType ? <code className="block">-PermissionType {right.permissionType}</code> : null}
                        </td>
                      </tr>
                    </ShownForPlan>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </ShownForPlan>
      ) : null}

      {securityNotes.length > 0 ? (
        <ShownForPlan listed={{ list: "securityNotes", everyPlan: securityNotes.some(forEveryPlan) }}>
          <section aria-labelledby="facts-security">
            <h2 id="facts-security" className="text-xl font-bold">
              Security
            </h2>
            <FactList facts={securityNotes} list="securityNotes" />
          </section>
        </ShownForPlan>
      ) : null}

      {disagreements.map((disagreement, index) => (
        <ShownForPlan key={disagreement.topic} listed={{ list: "disagreements", index, everyPlan: !disagreement.when }}>
          <DisagreementNote disagreement={disagreement} />
        </ShownForPlan>
      ))}

      <section aria-labelledby="facts-sources">
        <h2 id="facts-sources" className="text-xl font-bold">
          Sources
        </h2>
        <ul className="mt-1 space-y-1">
          {definition.sources.map((source) => (
            <li key={source}>
              {SOURCES[source].kind === "microsoftPage" ? (
                <>
                  <a href={SOURCES[source].url} className={linkClass}>
                    {SOURCES[source].title}
                  </a>{" "}
                  <span className="text-sm text-slate-700">(page dated {SOURCES[source].msDate})</span>
                </>
              ) : (
                <>
                  {SOURCES[source].title} <span className="text-sm text-slate-700">(reported, not a Microsoft page)</span>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
