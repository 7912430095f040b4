import { SOURCES, type Citation } from "@/lib/catalog";
import { whenText, whereText, whoText } from "@/lib/install-day/describe";
import type { InstallDay, Part } from "@/lib/install-day/model";
import type { ScriptFile } from "./powershell";

/**
 * The run-order README of the zip's install-day folder, and the same facts
 * for the worksheet: each part in order with who runs it, where, when, what
 * it checks first and what it changes; then how to check each file's
 * SHA-256 and unblock it. Plain text; the zip writes it as UTF-8 with a
 * byte order mark so Notepad shows names as typed.
 */

function citation(cite: Citation): string {
  const source = SOURCES[cite.source];
  return `${source.title}, "${cite.section}"${source.url ? ` <${source.url}>` : ""}`;
}

function checksFirst(part: Part): string {
  const place =
    part.where.kind === "forestMachine"
      ? `that Get-ADForest on this machine reports ${part.where.forest}`
      : `that the computer is ${part.where.computers.join(" or ")}, joined to ${part.where.domain}`;
  return `${place}, and that your Windows token (in an elevated window) shows you are ${whoText(part.who)}. If either is wrong it stops before changing anything and says where to run it.`;
}

export function partLines(part: Part, order: number, file: ScriptFile | undefined, allInOne: string): string[] {
  return [
    `${order}. ${part.title}`,
    `   File:   ${file?.fileName ?? "(none)"}   (or: ${allInOne} -Part ${part.id})`,
    `   When:   ${whenText(part)}`,
    `   Who:    ${whoText(part.who)}`,
    `   Where:  ${whereText(part.where)}`,
    ...part.before.map((fact) => `   First:  ${fact.text} (${citation(fact.cite)})`),
    `   Checks: ${checksFirst(part)}`,
    "   Steps:",
    ...part.steps.flatMap((step, index) => [`     ${index + 1}. ${step.title}`, `        ${step.changes}`, `        Checks: ${step.verifies}`]),
    "",
  ];
}

export function installDayReadme(day: InstallDay, files: readonly ScriptFile[], heading: string): string {
  const allInOne = files.find((file) => file.order === 0)?.fileName ?? "install-day.ps1";
  const partFiles = files.filter((file) => file.order > 0);
  const afterIndex = day.parts.findIndex((part) => part.when === "afterWizard");
  const lines = [
    heading,
    "=".repeat(Math.min(heading.length, 78)),
    "",
    "These PowerShell scripts prepare Active Directory for install day. Each part is run by one",
    "person on one machine; run them in the order below. A part checks where it runs and who runs",
    "it before it changes anything, adds rather than replaces, reads every change back, and is safe",
    "to run twice (what is there is reported as \"already present\"). Its last lines list what is",
    "done and what is not; the exit code is 0 only when everything is done, 2 when it stopped to",
    "wait for a new KDS root key (run it again at the time it names), 1 otherwise.",
    "",
    "Before you run a file",
    "---------------------",
    "1. Check it is the file the planner produced: compare its SHA-256 with the list at the end.",
    "     Get-FileHash -Algorithm SHA256 .\\<file>.ps1",
    "2. A downloaded file is marked as coming from the internet, and the RemoteSigned execution",
    "   policy refuses to run it unsigned. Once its hash matches, clear the mark:",
    "     Unblock-File .\\<file>.ps1",
    "3. Open an elevated Windows PowerShell (5.1 or 7) and run the part with -WhatIf first:",
    "     .\\<file>.ps1 -WhatIf",
    "   It lists every change without making one. Then run it without -WhatIf.",
    "",
    "Run order",
    "---------",
    ...(day.parts.length === 0 ? ["This plan has no install-day parts yet: choose a tool and describe the environment.", ""] : []),
    ...day.parts.flatMap((part, index) => [
      ...(index === afterIndex && day.wizard ? [`Then: ${day.wizard.title}. Who: ${day.wizard.who}.`, ""] : []),
      ...partLines(part, index + 1, partFiles.find((file) => file.part?.id === part.id), allInOne),
    ]),
    ...(afterIndex === -1 && day.wizard && day.parts.length > 0 ? [`Then: ${day.wizard.title}. Who: ${day.wizard.who}.`, ""] : []),
    "Files and SHA-256",
    "-----------------",
    ...files.map((file) => `${file.sha256}  ${file.order === 0 ? file.fileName : `install-day/${file.fileName}`}`),
    "",
    `${allInOne} holds every part; -Part chooses one. Each file starts with a UTF-8 byte order mark`,
    "and is plain ASCII after it, so Windows PowerShell 5.1 and PowerShell 7 read it the same.",
    "",
  ];
  return lines.join("\r\n");
}

/**
 * The worksheet's install-day section, as Markdown lines: the same run order,
 * who, where and checks as the README, each script's SHA-256, and how to
 * verify and unblock it. The worksheet passes its own escaping for text.
 */
export function installDayWorksheetSection(day: InstallDay, files: readonly ScriptFile[], escape: (text: string) => string): string[] {
  if (day.parts.length === 0) return [];
  const afterIndex = day.parts.findIndex((part) => part.when === "afterWizard");
  const fileOf = (part: Part) => files.find((file) => file.part?.id === part.id);
  const allInOne = files.find((file) => file.order === 0);
  return [
    "## Install day",
    "",
    "Run the scripts' parts in this order, each on the machine and as the person named. A part checks where it runs and who runs it before it changes anything, and ends with what is done and what is not.",
    "",
    ...day.parts.flatMap((part, index) => [
      ...(index === afterIndex && day.wizard ? [`**Then:** ${escape(day.wizard.title)} (${escape(day.wizard.who)}).`, ""] : []),
      `${index + 1}. **${escape(part.title)}** (\`-Part ${part.id}\`, file \`${fileOf(part)?.fileName ?? ""}\`)`,
      `   - When: ${escape(whenText(part))}`,
      `   - Who: ${escape(whoText(part.who))}`,
      `   - Where: ${escape(whereText(part.where))}`,
      `   - Checks first: ${escape(checksFirst(part))}`,
      ...part.steps.map((step) => `   - ${escape(step.title)}: ${escape(step.changes)}`),
    ]),
    "",
    "### Checking and unblocking the scripts",
    "",
    "Compare each file's SHA-256 with `Get-FileHash -Algorithm SHA256 .\\<file>.ps1` before running it. A downloaded file is marked as coming from the internet, which the RemoteSigned execution policy refuses: once its hash matches, run `Unblock-File .\\<file>.ps1`. Run each part with `-WhatIf` first.",
    "",
    "| File | SHA-256 |",
    "| --- | --- |",
    ...(allInOne ? [`| \`${allInOne.fileName}\` (every part) | \`${allInOne.sha256}\` |`] : []),
    ...files.filter((file) => file.order > 0).map((file) => `| \`install-day/${file.fileName}\` | \`${file.sha256}\` |`),
    "",
  ];
}
