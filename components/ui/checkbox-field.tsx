"use client";

import type { ReactNode } from "react";
import { useFormContext } from "react-hook-form";
import { fieldId } from "./field-id";
import { describedBy, ErrorMessage, Hint } from "./field-parts";
import { useFieldError } from "./use-field-error";

/** One checkbox for a boolean field, with an optional hint and its error tied to it. */
export function CheckboxField({ name, label, hint }: { name: string; label: ReactNode; hint?: ReactNode }) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <div className="mb-5">
      <ErrorMessage name={name} message={error} />
      <div className="flex items-start gap-3">
        <input
          id={fieldId(name)}
          type="checkbox"
          aria-describedby={describedBy(name, hint, error)}
          aria-invalid={error ? true : undefined}
          className="mt-1 h-5 w-5 shrink-0 accent-blue-800 focus:outline-none focus:ring-4 focus:ring-amber-400"
          {...register(name)}
        />
        <div>
          <label htmlFor={fieldId(name)}>{label}</label>
          <Hint name={name}>{hint}</Hint>
        </div>
      </div>
    </div>
  );
}
