import { formatDate } from "@/lib/format/date";

/** An ISO date ("2027-04-07") as people write it in the reader's locale ("7 April 2027"), the same in every time zone. */
export function longDate(isoDate: string): string {
  return formatDate(isoDate);
}
