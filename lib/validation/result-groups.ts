import { CHECK_STATUS_ORDER, type CheckResult } from "./schema";

/** The checks shown under one heading on the Check step: the tenant's, or one plan account's. */
export interface ResultGroup {
  key: string;
  heading: string;
  /** Worst first (CHECK_STATUS_ORDER); titles no longer repeat the heading. */
  results: CheckResult[];
}

/** A title that starts with its group's heading ("Hybrid Identity Administrator: enabled") keeps only the rest ("Enabled"). */
export function shortenTitle(title: string, heading: string): string {
  const prefix = `${heading}: `;
  if (!heading || !title.startsWith(prefix) || title.length === prefix.length) return title;
  const rest = title.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * Groups a report's results by the plan account they concern (tenant-wide
 * checks first, under "Tenant"), in the order the accounts first appear,
 * with failures before warnings, "to check" and passes within each group.
 */
export function groupResults(results: readonly CheckResult[], labelOf: (accountKey: string) => string | undefined): ResultGroup[] {
  const byKey = new Map<string, CheckResult[]>();
  for (const result of results) {
    const key = result.accountKey ?? "";
    byKey.set(key, [...(byKey.get(key) ?? []), result]);
  }
  return [...byKey.entries()].map(([key, members]) => {
    const heading = key ? (labelOf(key) ?? key) : "Tenant";
    const ordered = [...members].sort((a, b) => CHECK_STATUS_ORDER.indexOf(a.status) - CHECK_STATUS_ORDER.indexOf(b.status));
    return { key, heading, results: ordered.map((result) => ({ ...result, title: shortenTitle(result.title, heading) })) };
  });
}
