import type { ReactNode } from "react";
import { errorId, fieldId, hintId } from "./field-id";

export function describedBy(name: string, hint: ReactNode | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? hintId(name) : undefined, error ? errorId(name) : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function Hint({ name, children }: { name: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={hintId(name)} className="mt-1 text-sm text-slate-600">
      {children}
    </p>
  );
}

export function ErrorMessage({ name, message }: { name: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={errorId(name)} className="mt-1 text-sm font-semibold text-red-700">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

export const inputClass =
  "mt-1 block w-full rounded border-2 border-slate-700 bg-white px-2 py-1.5 text-base text-slate-900 focus:outline-none focus:ring-4 focus:ring-amber-400 aria-[invalid=true]:border-red-700 disabled:bg-slate-100";

/** A field's label, hint and error above its control, tied together by ids. */
export function FieldFrame({ name, label, hint, error, className, children }: { name: string; label: ReactNode; hint?: ReactNode; error?: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ?? "mb-5"}>
      <label htmlFor={fieldId(name)} className="block font-semibold text-slate-900">
        {label}
      </label>
      <Hint name={name}>{hint}</Hint>
      <ErrorMessage name={name} message={error} />
      {children}
    </div>
  );
}
