/** An ISO date ("2027-04-07") as people write it ("7 April 2027"), the same in every time zone. */
export function longDate(isoDate: string): string {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
