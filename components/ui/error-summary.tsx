"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "./field-id";

export interface SummaryItem {
  name: string;
  message: string;
}

/**
 * The list of problems at the top of a form. It takes focus when it appears
 * (after a failed submit) and each entry moves focus to its field.
 */
export function ErrorSummary({ items, focusKey, title = "There is a problem" }: { items: readonly SummaryItem[]; focusKey: number; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // A failed submit asks for focus; it is given once the list has items, which
  // react-hook-form may publish a render after it reports the failure.
  const focusPending = useRef(false);
  useEffect(() => {
    if (focusKey > 0) focusPending.current = true;
  }, [focusKey]);
  useEffect(() => {
    if (focusPending.current && items.length > 0 && ref.current) {
      focusPending.current = false;
      ref.current.focus();
    }
  });
  if (items.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-8 border-4 border-red-700 p-4 focus:outline-none focus:ring-4 focus:ring-amber-400">
      <h2 id="error-summary-title" className="text-xl font-bold text-slate-900">
        {title}
      </h2>
      <ul className="mt-3 list-none space-y-2">
        {items.map((item) => (
          <li key={item.name}>
            <a
              href={`#${fieldId(item.name)}`}
              className="font-semibold text-red-700 underline underline-offset-2"
              onClick={(event) => {
                const target = document.getElementById(fieldId(item.name));
                if (target) {
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: "center" });
                }
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Flattens react-hook-form's nested errors into summary items, in the order they were found. */
export function summaryItems(errors: object, prefix = ""): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object" || key === "ref") continue;
    const name = key === "root" ? prefix : prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === "string") items.push({ name: name || "root", message: (value as { message: string }).message });
    items.push(...summaryItems(value as object, name));
  }
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.name) ? false : (seen.add(item.name), true)));
}
