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

/**
 * The same date for a spreadsheet cell, which has no time zone: a Date whose
 * UTC fields are the wall clock this reader would see (a day at its
 * midnight, a timestamp in the reader's time zone), as exceljs writes a
 * Date's UTC fields. Undefined when `iso` is not a date.
 */
export function spreadsheetDate(iso: string, withTime: boolean, timeZone?: string): Date | undefined {
  if (!withTime) return DAY_ONLY.test(iso.slice(0, 10)) ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : undefined;
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return undefined;
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((each) => each.type === type)?.value);
  return new Date(Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")));
}
