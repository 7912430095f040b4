"use client";

import { ErrorMessage } from "@/components/ui/field-parts";
import { useFieldError } from "@/components/ui/use-field-error";

/** The error of a list as a whole (the servers, the forests), shown above its items. */
export function GroupError({ name }: { name: string }) {
  const error = useFieldError(name);
  return <ErrorMessage name={name} message={error} />;
}
