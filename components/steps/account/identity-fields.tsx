"use client";

import type { ReactNode } from "react";
import { useWatch } from "react-hook-form";
import { CitationRef } from "@/components/catalog/citation";
import { RadioGroup, SelectField, YesNo } from "@/components/ui/choice-fields";
import { TextField } from "@/components/ui/text-field";
import {
  ACCOUNT_TYPE_LABELS,
  KEY_STORAGE_LABELS,
  KEY_STORAGES,
  LIMITS,
  type EntraAuthMode,
  type IdentityKind,
  type UpnRule,
} from "@/lib/catalog";
import { deriveAccounts, emptyAccountEntry, forestDomains, provisioningLabel, tenantDomains, type AccountEntry, type Environment, type PlanWithTool, type RequiredAccount } from "@/lib/plan";
import { expressCreatesIt, wizardCreatesIt } from "./applicable-entry";

const SAM_HINT = `Its sAMAccountName (pre-Windows 2000 logon name): at most ${LIMITS.samAccountNameMaxLength} characters, without the domain.`;

function unreachable(value: never): never {
  throw new Error(`Unhandled case ${String(value)}`);
}

/** A value the user does not enter: made by Microsoft's tools, or fixed by the plan. */
function FixedValue({ label, value, why }: { label: string; value: string; why: string }) {
  return (
    <div className="mb-5">
      <p className="font-semibold">{label}</p>
      <p className="mt-1 font-mono text-lg break-words">{value}</p>
      <p className="text-sm text-slate-600">{why}</p>
    </div>
  );
}

/** Something to know in place of a field: what identifies the account when nothing is entered. */
function Statement({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="mb-5">
      <p className="font-semibold">{label}</p>
      <p className="mt-1">{children}</p>
    </div>
  );
}

/** The name Microsoft's tools give the account once the answer in the form is saved (the form may be ahead of the plan). */
function defaultNameWith(plan: PlanWithTool, account: RequiredAccount, provisioning: AccountEntry["provisioning"]): string | undefined {
  const entry = { ...(plan.accounts[account.key] ?? emptyAccountEntry(account)), provisioning };
  return deriveAccounts({ ...plan, accounts: { ...plan.accounts, [account.key]: entry } }).find((candidate) => candidate.key === account.key)?.defaultName;
}

function DomainField({ account, environment, hint = "The Active Directory domain the account is in." }: { account: RequiredAccount; environment: Environment; hint?: string }) {
  // Accounts that come once per domain (the Cloud Sync gMSA per agent-host domain) live in that domain.
  if (account.domain !== undefined) {
    return <FixedValue label="Domain" value={account.domain} why="The domain its servers are joined to, as the environment step says; one such account per domain." />;
  }
  const domains = account.forest ? forestDomains(account.forest) : environment.forests.flatMap(forestDomains);
  return <SelectField name="domain" label="Domain" hint={hint} options={[{ value: "", label: "Choose a domain" }, ...domains.map((domain) => ({ value: domain, label: domain }))]} />;
}

function upnHint(rule: UpnRule, environment: Environment): string {
  switch (rule) {
    case "cloudOnly":
      return "A cloud-only account: its user principal name ends in .onmicrosoft.com.";
    case "tenantMember":
      return `A work account of the tenant (not a guest), in one of its domains: ${[...tenantDomains(environment)].join(", ")}.`;
    default:
      return unreachable(rule);
  }
}

function AdUserFields({ account, plan }: { account: RequiredAccount; plan: PlanWithTool }) {
  const { definition } = account;
  const provisioning = useWatch({ name: "provisioning" }) as AccountEntry["provisioning"];
  if (expressCreatesIt(account, plan)) {
    return <FixedValue label="Name" value={account.defaultName ?? ""} why="Express settings create this account themselves; nothing to enter." />;
  }
  const forest = account.forest?.rootDomain ?? "the forest";
  return (
    <>
      {definition.provisioningChoice ? (
        <RadioGroup
          name="provisioning"
          legend="Who creates the account?"
          options={[
            { value: "wizard", label: provisioningLabel("wizard") },
            { value: "existing", label: provisioningLabel("existing") },
          ]}
        />
      ) : null}
      {wizardCreatesIt(account, { provisioning }) ? (
        <>
          <FixedValue
            label="Name"
            value={defaultNameWith(plan, account, provisioning) ?? ""}
            why="The wizard's “Create new account” names the account itself; nothing to enter."
          />
          <p className="mb-5 rounded border-l-8 border-blue-800 bg-blue-50 p-3" data-testid="enterprise-admin-needed">
            The wizard creates it with the credentials of an Enterprise Admin of {forest}: the plan lists that Enterprise Admin as a required account.
          </p>
        </>
      ) : (
        <>
          <TextField name="name" label="Account name" hint={SAM_HINT} />
          <DomainField account={account} environment={plan.environment} />
          {definition.ordinaryUserOnly ? (
            <YesNo
              name="privilegedGroupMember"
              legend="Is this account a member of Domain Admins or Enterprise Admins?"
              hint="It must not be: the wizard refuses such accounts, and they would give the sync server far more power than it needs."
            />
          ) : null}
        </>
      )}
    </>
  );
}

function GmsaFields({ account, environment }: { account: RequiredAccount; environment: Environment }) {
  return (
    <>
      {account.defaultName ? (
        <FixedValue label="gMSA name" value={account.defaultName} why="Microsoft's wizard uses this name; nothing to enter." />
      ) : (
        <TextField name="name" label="gMSA name" hint={`Ends in $, with at most ${LIMITS.gmsaNameMaxLength} characters before it, like provAgentgMSA$.`} />
      )}
      <DomainField account={account} environment={environment} />
    </>
  );
}

function ServiceAccountFields({ account, environment }: { account: RequiredAccount; environment: Environment }) {
  const accountType = useWatch({ name: "accountType" }) as AccountEntry["accountType"];
  const option = account.serviceAccountOption;
  let named: ReactNode = null;
  switch (accountType) {
    case "gmsa":
      named = (
        <>
          <TextField name="name" label="gMSA name" hint={`Ends in $, with at most ${LIMITS.gmsaNameMaxLength} characters before it.`} />
          <DomainField account={account} environment={environment} />
        </>
      );
      break;
    case "domainUser":
      named = (
        <>
          <TextField name="name" label="Account name" hint={SAM_HINT} />
          <DomainField account={account} environment={environment} />
        </>
      );
      break;
    case "localUser":
      named = <TextField name="name" label="Account name" hint="A local account of this server." />;
      break;
    case "vsa":
    case "smsa":
      named = <FixedValue label="Name" value={account.defaultName ?? ""} why="Created by the installer; nothing to enter." />;
      break;
    case "":
      break;
    default:
      unreachable(accountType);
  }
  return (
    <>
      <RadioGroup
        name="accountType"
        legend={`Which kind of account will the ${account.definition.name} be?`}
        hint={
          option ? (
            <>
              {option.why} (Source: <CitationRef cite={option.cite} />)
            </>
          ) : undefined
        }
        options={(option?.allowed ?? []).map((type) => ({
          value: type,
          label: `${ACCOUNT_TYPE_LABELS[type]}${typeNote(type === option?.recommended, type === option?.default)}`,
        }))}
      />
      {named}
    </>
  );
}

function KeyStorage() {
  return (
    <RadioGroup
      name="keyStorage"
      legend="Where will the certificate's private key live?"
      hint="Leave it unanswered until it is decided: the review lists it as needing attention."
      options={KEY_STORAGES.map((storage) => ({ value: storage, label: KEY_STORAGE_LABELS[storage] }))}
    />
  );
}

/** The Microsoft Entra Connector: what there is to enter depends on how Connect authenticates to Entra ID. */
function ApplicationFields({ account, entraAuth }: { account: RequiredAccount; entraAuth: EntraAuthMode }) {
  const server = account.server?.name || "this server";
  switch (entraAuth) {
    case "applicationManaged":
      return (
        <Statement label="Application identity">
          An application identity for {server}, which Connect registers during installation with a certificate it manages itself; nothing to enter.
        </Statement>
      );
    case "syncAccount":
      return <FixedValue label="Account" value={account.defaultName ?? ""} why="The wizard creates this account (the legacy mode); nothing to enter." />;
    case "applicationOwnCertificate":
      return (
        <>
          <Statement label="Application identity">An application identity for {server}, registered with the certificate you provide.</Statement>
          <KeyStorage />
        </>
      );
    case "applicationOwnApp":
      return (
        <>
          <TextField
            name="name"
            label="Application (client) ID"
            hint="The GUID of the application registered for this server, like 72f988bf-86f1-41af-91ab-2d7cd011db47. Leave it empty until it is registered: the review lists it."
          />
          <KeyStorage />
        </>
      );
    default:
      return unreachable(entraAuth);
  }
}

/** The fields that identify the account, by what identifies it. */

/** " (recommended)", " (default)", or one note when both hold. */
function typeNote(recommended: boolean, isDefault: boolean): string {
  if (recommended && isDefault) return " (the default, and recommended)";
  return recommended ? " (recommended)" : isDefault ? " (default)" : "";
}

export function IdentityFields({ account, plan }: { account: RequiredAccount; plan: PlanWithTool }) {
  const { definition } = account;
  const { environment } = plan;
  const identity: IdentityKind = definition.identity;
  switch (identity) {
    case "upn":
      return <TextField name="name" label="User principal name" hint={upnHint(definition.upnRule ?? "tenantMember", environment)} type="email" />;
    case "adUser":
      return <AdUserFields account={account} plan={plan} />;
    case "localOrDomainUser":
      return (
        <>
          <TextField name="name" label="Account name" hint={SAM_HINT} />
          <TextField name="domain" label="Domain (optional)" hint="The DNS name of its domain; leave empty for an account local to the server." />
        </>
      );
    case "gmsa":
      return <GmsaFields account={account} environment={environment} />;
    case "serviceAccount":
      return <ServiceAccountFields account={account} environment={environment} />;
    case "sqlLogin":
      return <TextField name="name" label="SQL Server login" hint="DOMAIN\name for a Windows login, or the name of a SQL login." />;
    case "application":
      return <ApplicationFields account={account} entraAuth={environment.connect.entraAuth} />;
    case "generated":
      return <FixedValue label="Name" value={account.defaultName ?? ""} why="Made by Microsoft's installer or wizard; nothing to enter." />;
    default:
      return unreachable(identity);
  }
}
