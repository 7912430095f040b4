import type { Plan } from "@/lib/plan";

/** "contoso-ltd-account-plan-2026-11-24.md": organisation and date, safe on every file system. */
export function exportFileName(plan: Plan, extension: string): string {
  const organisation = (plan.environment?.organisation.name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  const date = plan.updatedAt.slice(0, 10);
  return `${organisation ? `${organisation}-` : ""}account-plan-${date}.${extension}`;
}
