import { strToU8, zipSync } from "fflate";
import type { Plan } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import { planToCsv } from "./csv";
import { exportFileName } from "./filename";
import { planToJson } from "./json";
import { planToMarkdown } from "./markdown";
import { planToPowerShell } from "./powershell";
import { planToWorkbook } from "./xlsx";

/** Every format in one archive, named like the single downloads. */
export async function planToZip(plan: Plan, report?: ValidationReport): Promise<Uint8Array> {
  const name = (extension: string) => exportFileName(plan, extension);
  return zipSync({
    [name("json")]: strToU8(planToJson(plan)),
    [name("md")]: strToU8(planToMarkdown(plan, report)),
    [name("csv")]: strToU8(planToCsv(plan, report)),
    [name("ps1")]: strToU8(planToPowerShell(plan)),
    [name("xlsx")]: [await planToWorkbook(plan, report), { level: 0 }],
  });
}
