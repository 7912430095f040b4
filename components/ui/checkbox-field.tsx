"use client";

import type { ReactNode } from "react";
import { useFormContext } from "react-hook-form";
import { fieldId } from "./field-id";

/** One checkbox for a boolean field. */
export function CheckboxField({ name, label }: { name: string; label: ReactNode }) {
  const { register } = useFormContext();
  return (
    <div className="mb-5 flex items-center gap-3">
      <input id={fieldId(name)} type="checkbox" className="h-5 w-5 accent-blue-800 focus:outline-none focus:ring-4 focus:ring-amber-400" {...register(name)} />
      <label htmlFor={fieldId(name)}>{label}</label>
    </div>
  );
}
