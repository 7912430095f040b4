"use client";

import { useWatch } from "react-hook-form";
import { CitationRef } from "@/components/catalog/citation";
import { DisagreementNote } from "@/components/catalog/disagreement-note";
import { FeatureNotes } from "@/components/catalog/feature-notes";
import { linkClass } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { RadioGroup } from "@/components/ui/choice-fields";
import { longDate } from "@/components/ui/long-date";
import { TextField } from "@/components/ui/text-field";
import { APP_AUTH_DEADLINE, CONNECT_MINIMUM_VERSION, DATABASE_LABELS, DATABASES, ENTRA_AUTH_MODE_LABELS, ENTRA_AUTH_MODES, LIMITS, SOURCE_ANCHOR_LABELS, SOURCE_ANCHORS, SOURCES } from "@/lib/catalog";
import type { Environment } from "@/lib/plan";
import { useApplicable } from "./use-applicable";

function SqlServerDetails({ remote }: { remote: boolean }) {
  return (
    <fieldset className="mb-6 rounded border border-slate-300 p-4">
      <legend className="px-1 font-semibold">The SQL Server</legend>
      {remote ? <TextField name="connect.sqlServer" label="SQL Server host" hint="The computer name of the server that runs SQL Server, like SQL01." /> : null}
      <TextField name="connect.sqlInstance" label="Instance name (optional)" hint="Leave empty for the default instance." />
      <TextField
        name="connect.sqlAdministrator"
        label="SQL Server administrator"
        hint="The person or team who creates the ADSync database or grants the installer its rights. Leave empty until known: the review lists it."
      />
    </fieldset>
  );
}

/** How Connect is installed: the wizard's first pages. */
export function ConnectInstall() {
  const applies = useApplicable("connect");
  return (
    <section aria-labelledby="connect-title" className="mb-8">
      <h2 id="connect-title" className="mb-4 text-xl font-bold">
        Connect installation
      </h2>
      <RadioGroup
        name="connect.installType"
        legend="How will Connect be installed?"
        options={[
          { value: "express", label: "Express settings", hint: "One forest, password hash sync, LocalDB; asks for an Enterprise Admin and creates the MSOL_ connector account." },
          { value: "custom", label: "Custom installation", hint: "Everything else: several forests, other sign-in methods and features, your own service accounts or SQL Server." },
        ]}
      />
      {applies.custom ? (
        <>
          <RadioGroup
            name="connect.database"
            legend="Which database will Connect use?"
            hint={`LocalDB is limited to 10 GB, about ${LIMITS.localDbObjectLimit.toLocaleString("en-US")} objects.`}
            options={DATABASES.map((database) => ({ value: database, label: DATABASE_LABELS[database] }))}
          />
          {applies.sqlDetails ? <SqlServerDetails remote={applies.sqlServerHost} /> : null}
          <CheckboxField
            name="connect.authenticatingProxy"
            label="The server reaches the internet through an authenticating proxy"
            hint="A proxy that asks for credentials rules out the virtual service account for the ADSync service."
          />
        </>
      ) : null}
      <RadioGroup
        name="connect.entraAuth"
        legend="How will Connect authenticate to Microsoft Entra ID?"
        hint={
          <>
            Every Connect server must run version {CONNECT_MINIMUM_VERSION.version} or later since {longDate(CONNECT_MINIMUM_VERSION.since)} (Source:{" "}
            <CitationRef cite={CONNECT_MINIMUM_VERSION.cite} />
            ).{" "}
            <a href={SOURCES.connectAppAuth.url} className={linkClass}>
              About application-based authentication
            </a>
          </>
        }
        options={ENTRA_AUTH_MODES.map((mode) => ({ value: mode, label: ENTRA_AUTH_MODE_LABELS[mode] }))}
      />
      <DisagreementNote disagreement={APP_AUTH_DEADLINE.disagreement} headingLevel={3} />
    </section>
  );
}

/** The wizard's "Identifying users" page: the source anchor, one for the whole tenant. */
export function IdentifyingUsers() {
  const applies = useApplicable("connect");
  const anchor = useWatch<Environment>({ name: "connect.sourceAnchor" }) as Environment["connect"]["sourceAnchor"];
  if (!applies.sourceAnchor) return null;
  return (
    <section aria-labelledby="identifying-title" className="mb-8">
      <h2 id="identifying-title" className="mb-4 text-xl font-bold">
        Identifying users
      </h2>
      <RadioGroup
        name="connect.sourceAnchor"
        legend="How are users identified?"
        hint="The source anchor ties each Active Directory user to its Microsoft Entra user. Every Connect server of the tenant, staging servers included, uses the same anchor."
        options={SOURCE_ANCHORS.map((anchor) => ({ value: anchor, label: SOURCE_ANCHOR_LABELS[anchor] }))}
      />
      {applies.sourceAnchorAttribute ? (
        <TextField name="connect.sourceAnchorAttribute" label="Attribute that identifies users" hint="Its LDAP name, like employeeID." />
      ) : null}
      {anchor === "msDsConsistencyGuid" ? <FeatureNotes id="msDsConsistencyGuid" tool="connect" /> : null}
    </section>
  );
}
