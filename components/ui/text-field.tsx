"use client";

import type { ReactNode } from "react";
import { useFormContext } from "react-hook-form";
import { describedBy, FieldFrame, inputClass } from "./field-parts";
import { fieldId } from "./field-id";
import { useFieldError } from "./use-field-error";

interface TextFieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  autoComplete?: string;
  type?: "text" | "email";
  multiline?: boolean;
  className?: string;
}

/** A labelled text input bound to the form, trimmed, with its hint and error tied to it. */
export function TextField({ name, label, hint, autoComplete = "off", type = "text", multiline, className }: TextFieldProps) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const common = {
    id: fieldId(name),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, hint, error),
    className: inputClass,
    spellCheck: false,
    ...register(name, { setValueAs: (value: unknown) => (typeof value === "string" ? value.trim() : value) }),
  };
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error} className={className}>
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
    </FieldFrame>
  );
}
