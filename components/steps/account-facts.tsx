import { CitationRef, FactText } from "@/components/catalog/citation";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { DisagreementNote } from "@/components/catalog/disagreement-note";
import { linkClass } from "@/components/ui/button";
import { longDate } from "@/components/ui/long-date";
import { CATALOG_FACTS_AS_OF, CREATOR_LABELS, ENTRA_ROLES, FEATURES_BY_ID, SOURCES, type Fact } from "@/lib/catalog";
import type { RequiredAccount } from "@/lib/plan";

/** The day the catalog's facts were checked against Microsoft's pages. */
export function FactsAsOf() {
  return (
    <p className="text-sm text-slate-700" data-testid="facts-as-of">
      Facts as of <time dateTime={CATALOG_FACTS_AS_OF}>{longDate(CATALOG_FACTS_AS_OF)}</time>, each with the page and section that states it.
    </p>
  );
}

function FactList({ facts }: { facts: readonly Fact[] }) {
  return (
    <ul className="mt-1 list-disc space-y-2 pl-6">
      {facts.map((fact) => (
        <li key={fact.text}>
          <FactText fact={fact} />
        </li>
      ))}
    </ul>
  );
}

/** What Microsoft says about the account: shown beside its form, read from the catalog, each fact with its source. */
export function AccountFacts({ account }: { account: RequiredAccount }) {
  const { definition } = account;
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
        <p className="mt-1">
          <strong>Who creates it:</strong> {CREATOR_LABELS[account.creation.by]}. {account.creation.how}{" "}
          <span className="text-sm text-slate-700">
            (Source: <CitationRef cite={account.creation.cite} />)
          </span>
        </p>
      </section>

      {account.constraints.length > 0 ? (
        <section aria-labelledby="facts-rules">
          <h2 id="facts-rules" className="text-xl font-bold">
            Microsoft&apos;s rules
          </h2>
          <FactList facts={account.constraints} />
        </section>
      ) : null}

      {account.rights.length > 0 ? (
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
                {account.rights.map((right) => (
                  <tr key={`${right.feature}-${right.right}-${right.appliesTo}`} className="border-b border-slate-300 align-top">
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
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}

      {account.securityNotes.length > 0 ? (
        <section aria-labelledby="facts-security">
          <h2 id="facts-security" className="text-xl font-bold">
            Security
          </h2>
          <FactList facts={account.securityNotes} />
        </section>
      ) : null}

      {account.disagreements.map((disagreement) => (
        <DisagreementNote key={disagreement.topic} disagreement={disagreement} />
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

/** Why no step has a password field. */
export function NoPasswordNotice() {
  return (
    <aside aria-labelledby="no-password-title" className="rounded border-l-8 border-slate-500 bg-slate-100 p-4 text-sm">
      <h2 id="no-password-title" className="font-bold">
        Why there is no password field
      </h2>
      <p className="mt-1">
        This planner records who and what each account is, never its secret. Installers ask for credentials on the day and managed accounts
        have no password anyone types. Keeping secrets out of the plan keeps the worksheet safe to email and store.
      </p>
    </aside>
  );
}
