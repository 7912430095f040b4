"use client";

import { get, useFormState, type FieldValues, type FieldError } from "react-hook-form";

/** The error message of one field, or of a field array as a whole. */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState<FieldValues>({ name });
  const error = get(errors, name) as (FieldError & { root?: FieldError }) | undefined;
  return error?.message ?? error?.root?.message;
}
