/**
 * Every date the planner shows, through one formatter in the reader's locale
 * (the browser's, or the server's for files made there). A date-only value
 * ("2026-11-25") is read as that calendar day wherever the reader is; a
 * timestamp is shown in the reader's time zone.
 */

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function formatDate(iso: string, locale?: string): string {
  const day = iso.slice(0, 10);
  if (!DAY_ONLY.test(day)) return iso;
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return moment.toLocaleString(locale, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", ...(timeZone ? { timeZone } : {}) });
}
