"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { FactText } from "@/components/catalog/citation";
import { DisagreementNote } from "@/components/catalog/disagreement-note";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SelectField } from "@/components/ui/choice-fields";
import { fieldId } from "@/components/ui/field-id";
import { TextField } from "@/components/ui/text-field";
import { LIMITS, SERVER_REQUIREMENTS, SERVER_ROLE_LABELS, SERVER_ROLES, type Tool } from "@/lib/catalog";
import { nextOwnerId, type Environment } from "@/lib/plan";
import { GroupError } from "./group-error";
import { useDomainOptions } from "./use-applicable";

function ServerDomain({ index, tool }: { index: number; tool: Tool }) {
  const domains = useDomainOptions();
  const current = (useWatch<Environment>({ name: `servers.${index}.domain` }) ?? "") as string;
  // A domain no longer among the forests' (renamed, or from an imported file) stays visible, so the error beside it makes sense.
  const stale = current !== "" && !domains.some((domain) => domain.toLowerCase() === current.toLowerCase());
  return (
    <SelectField
      name={`servers.${index}.domain`}
      label="Domain it is joined to"
      hint={
        tool === "cloudSync"
          ? "The agent's group managed service account is created in this domain. The list holds the domains of the forests below."
          : "The list holds the domains of the forests below."
      }
      options={[
        { value: "", label: domains.length > 0 ? "Choose a domain" : "Enter the forests below first" },
        ...domains.map((domain) => ({ value: domain, label: domain })),
        ...(stale ? [{ value: current, label: `${current} (not a domain of the forests below)` }] : []),
      ]}
    />
  );
}

/** The servers the sync software runs on: Cloud Sync agent hosts, or Connect's active and staging servers. */
/** `onRemove` asks before a server goes (its accounts are set aside); it calls `remove` once the user agrees. */
export function Servers({ tool, onRemove }: { tool: Tool; onRemove?: (index: number, remove: () => void) => void }) {
  const { control } = useFormContext<Environment>();
  const { fields, append, remove } = useFieldArray({ control, name: "servers", keyName: "fieldKey" });
  const servers = useWatch({ control, name: "servers" }) ?? [];
  const noun = tool === "cloudSync" ? "agent host" : "Connect server";
  const requirements = SERVER_REQUIREMENTS[tool];
  return (
    <section aria-labelledby="servers-title" className="mb-8">
      <h2 id="servers-title" className="mb-1 text-xl font-bold">
        <span id={fieldId("servers")} tabIndex={-1}>
          {tool === "cloudSync" ? "Agent hosts" : "Connect servers"}
        </span>
      </h2>
      <p className="mb-2 text-slate-600">
        {tool === "cloudSync"
          ? `Microsoft recommends ${LIMITS.recommendedCloudSyncAgents} active agents for high availability.`
          : "One active server, plus any staging servers."}
      </p>
      <ul className="mb-4 list-disc space-y-1 pl-6 text-slate-700">
        {requirements.requirements.map((requirement) => (
          <li key={requirement.text}>
            <FactText fact={requirement} />
          </li>
        ))}
      </ul>
      {requirements.disagreements.map((disagreement) => (
        <div key={disagreement.topic} className="mb-4">
          <DisagreementNote disagreement={disagreement} headingLevel={3} />
        </div>
      ))}
      <GroupError name="servers" />
      {fields.map((field, index) => (
        <fieldset key={field.fieldKey} className="mb-4 rounded border border-slate-300 p-4">
          <legend className="px-1 font-semibold">
            {tool === "cloudSync" ? "Agent host" : "Server"} {index + 1}
            {servers[index]?.name ? `: ${servers[index].name}` : ""}
          </legend>
          <TextField name={`servers.${index}.name`} label="Computer name" hint="The short name, like SYNC01." />
          <ServerDomain index={index} tool={tool} />
          <SelectField name={`servers.${index}.role`} label="Role" options={SERVER_ROLES.map((role) => ({ value: role, label: SERVER_ROLE_LABELS[role] }))} />
          {tool === "connect" ? <CheckboxField name={`servers.${index}.staging`} label="Staging server (not active)" /> : null}
          {fields.length > 1 ? (
            <Button variant="secondary" onClick={() => (onRemove ? onRemove(index, () => remove(index)) : remove(index))}>
              Remove {noun} {index + 1}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() =>
          append({
            id: nextOwnerId("server", servers),
            name: "",
            role: "memberServer",
            staging: tool === "connect" && servers.length > 0,
            // Servers of one plan are usually joined to the same domain.
            domain: servers[0]?.domain ?? "",
          })
        }
      >
        Add another {noun}
      </Button>
    </section>
  );
}
