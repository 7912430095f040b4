"use client";

import { useState, type ReactNode } from "react";
import { Controller, useFormContext } from "react-hook-form";
import { describedBy, FieldFrame, inputClass } from "./field-parts";
import { fieldId } from "./field-id";
import { useFieldError } from "./use-field-error";

export function splitList(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function ListTextarea({ name, value, onChange, onBlur, hint, error }: { name: string; value: string[]; onChange: (value: string[]) => void; onBlur: () => void; hint?: ReactNode; error?: string }) {
  // Keeps the text as typed (a trailing comma, a blank line) while the form holds the parsed list.
  const [text, setText] = useState(() => value.join("\n"));
  return (
    <textarea
      id={fieldId(name)}
      rows={Math.max(2, Math.min(6, value.length + 1))}
      value={text}
      spellCheck={false}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(name, hint, error)}
      className={inputClass}
      onBlur={onBlur}
      onChange={(event) => {
        setText(event.target.value);
        onChange(splitList(event.target.value));
      }}
    />
  );
}

/** A list of values (domains, suffixes) edited as text, one per line or separated by commas. */
export function ListField({ name, label, hint }: { name: string; label: ReactNode; hint?: ReactNode }) {
  const { control } = useFormContext();
  const error = useFieldError(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <ListTextarea name={name} value={Array.isArray(field.value) ? field.value : []} onChange={field.onChange} onBlur={field.onBlur} hint={hint} error={error} />
        )}
      />
    </FieldFrame>
  );
}
