"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { fieldId } from "@/components/ui/field-id";
import { ListField } from "@/components/ui/list-field";
import { TextField } from "@/components/ui/text-field";
import { nextOwnerId, type Environment } from "@/lib/plan";
import { GroupError } from "./group-error";

/** The Active Directory forests the tool connects, each with its domains, UPN suffixes and where its accounts go. */
/** `onRemove` asks before a forest goes (its accounts are set aside); it calls `remove` once the user agrees. */
export function Forests({ onRemove }: { onRemove?: (index: number, remove: () => void) => void }) {
  const { control } = useFormContext<Environment>();
  const { fields, append, remove } = useFieldArray({ control, name: "forests", keyName: "fieldKey" });
  const forests = useWatch({ control, name: "forests" }) ?? [];
  return (
    <section aria-labelledby="forests-title" className="mb-8">
      <h2 id="forests-title" className="mb-1 text-xl font-bold">
        <span id={fieldId("forests")} tabIndex={-1}>
          Active Directory forests
        </span>
      </h2>
      <p className="mb-4 text-slate-600">Each forest gets its own connector and admin accounts.</p>
      <GroupError name="forests" />
      {fields.map((field, index) => (
        <fieldset key={field.fieldKey} className="mb-4 rounded border border-slate-300 p-4">
          <legend className="px-1 font-semibold">
            Forest {index + 1}
            {forests[index]?.rootDomain ? `: ${forests[index].rootDomain}` : ""}
          </legend>
          <TextField name={`forests.${index}.rootDomain`} label="Forest root domain" hint="Its DNS name, like contoso.com." />
          <ListField name={`forests.${index}.domains`} label="Other domains in this forest (optional)" hint="DNS names, one per line or separated by commas." />
          <ListField
            name={`forests.${index}.upnSuffixes`}
            label="UPN suffixes users sign in with"
            hint="Each must be added and verified in the tenant, or users get …onmicrosoft.com names. One per line or separated by commas."
          />
          <TextField
            name={`forests.${index}.accountsOu`}
            label="OU for the accounts the scripts create (optional)"
            hint="Its distinguished name, like OU=Sync accounts,OU=Tier 0,DC=contoso,DC=com. Leave empty for the default containers."
          />
          {fields.length > 1 ? (
            <Button variant="secondary" onClick={() => (onRemove ? onRemove(index, () => remove(index)) : remove(index))}>
              Remove forest {index + 1}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => append({ id: nextOwnerId("forest", forests), rootDomain: "", domains: [], upnSuffixes: [], accountsOu: "" })}>
        Add another forest
      </Button>
    </section>
  );
}
