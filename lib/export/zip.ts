import { strToU8, zipSync, type Zippable } from "fflate";
import { installDay } from "@/lib/install-day/build";
import type { Plan } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import { planToCsv } from "./csv";
import { exportFileName } from "./filename";
import { installDayReadme } from "./install-day-readme";
import { planToJson } from "./json";
import { planToMarkdown } from "./markdown";
import { planScriptFiles } from "./powershell";
import { UTF8_BOM } from "./script-bytes";
import type { ExportOptions } from "./unsaved";
import { preflightEntries } from "@/lib/preflight/zip";
import { planToWorkbook } from "./xlsx";

/**
 * Every format in one archive, named like the single downloads; the
 * install-day folder adds one script per part and a run-order README with
 * each script's SHA-256; the preflight folder holds the read-only collectors.
 */
export async function planToZip(plan: Plan, report?: ValidationReport, options?: ExportOptions): Promise<Uint8Array> {
  const name = (extension: string) => exportFileName(plan, extension);
  const [allInOne, ...parts] = planScriptFiles(plan);
  const readme = installDayReadme(installDay(plan), [allInOne!, ...parts], `Install day: ${plan.environment?.organisation.name ?? "account plan"} (${plan.updatedAt.slice(0, 10)})`);
  const entries: Zippable = {
    [name("json")]: strToU8(planToJson(plan)),
    [name("md")]: strToU8(planToMarkdown(plan, report, options)),
    [name("csv")]: strToU8(planToCsv(plan, report, options)),
    [allInOne!.fileName]: allInOne!.bytes,
    [name("xlsx")]: [await planToWorkbook(plan, report, options), { level: 0 }],
    "install-day/README.txt": new Uint8Array([...UTF8_BOM, ...strToU8(readme)]),
  };
  for (const part of parts) entries[`install-day/${part.fileName}`] = part.bytes;
  Object.assign(entries, preflightEntries(plan, "preflight/"));
  return zipSync(entries);
}
