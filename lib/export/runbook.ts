import { unsavedNotices, type ExportOptions } from "./unsaved";
import { whenText, whereText, whoText } from "@/lib/install-day/describe";
import type { Part } from "@/lib/install-day/model";
import { runbook, type RunbookScreen } from "@/lib/install-day/runbook";
import type { Plan } from "@/lib/plan";
import { escapeMarkdown, markdownCitation } from "./markdown";

/**
 * The install-day runbook as Markdown: the scripts' parts before the wizard,
 * the installer's screens in Microsoft's order with the plan's answer on each,
 * then the parts and tasks after it. Account names link to the account's
 * section of the worksheet (same heading anchors).
 */

function partLines(part: Part, order: number): string[] {
  return [
    `### ${order}. ${escapeMarkdown(part.title)}`,
    "",
    `- **When:** ${escapeMarkdown(whenText(part))}`,
    `- **Who:** ${escapeMarkdown(whoText(part.who))}`,
    `- **Where:** ${escapeMarkdown(whereText(part.where))}`,
    `- **Script:** install-day part \`${part.id}\``,
    ...part.steps.map((step) => `  - ${escapeMarkdown(step.title)}`),
    "",
  ];
}

function screenLines(screen: RunbookScreen, order: number): string[] {
  const title = `${screen.screen.title}${screen.scope ? ` (${screen.scope})` : ""}`;
  return [
    `### Screen ${order}: ${escapeMarkdown(title)}`,
    "",
    `${escapeMarkdown(screen.screen.asks)} (${markdownCitation(screen.screen.cite)})`,
    "",
    ...screen.entries.map((entry) => `- **${escapeMarkdown(entry.label)}:** ${escapeMarkdown(entry.value)}`),
    ...(screen.entries.length > 0 ? [""] : []),
  ];
}

export function runbookMarkdownLines(plan: Plan, heading = "##"): string[] {
  const book = runbook(plan);
  if (!book.path) return [`${heading} Install-day runbook`, "", "Choose a tool and describe the environment first: the runbook follows from them.", ""];
  const lines = [`${heading} Install-day runbook`, ""];
  let order = 0;
  if (book.before.length > 0) {
    lines.push(`${heading}# Before the wizard`, "");
    for (const part of book.before) lines.push(...partLines(part, ++order));
  }
  if (book.wizard) lines.push(`${heading}# ${escapeMarkdown(book.wizard.title)}`, "", `Who: ${escapeMarkdown(book.wizard.who)}.`, "");
  book.screens.forEach((screen, index) => lines.push(...screenLines(screen, index + 1)));
  if (book.after.length > 0 || book.tasks.length > 0) {
    lines.push(`${heading}# After the wizard`, "");
    for (const part of book.after) lines.push(...partLines(part, ++order));
    for (const task of book.tasks) lines.push(`### ${escapeMarkdown(task.title)}`, "", `${escapeMarkdown(task.asks)} (${markdownCitation(task.cite)})`, "");
  }
  return lines;
}

/** The runbook as its own file. */
export function planToRunbook(plan: Plan, options?: ExportOptions): string {
  const organisation = plan.environment?.organisation.name || "Unnamed organisation";
  // First thing read: the planner held an edit this file does not show.
  const notices = unsavedNotices(options).flatMap((notice) => [`> **${escapeMarkdown(notice)}**`, ""]);
  return [`# Install-day runbook: ${escapeMarkdown(organisation)}`, "", ...notices, ...runbookMarkdownLines(plan, "##"), "This runbook records accounts only. It never holds a password: installers ask for credentials on the day.", ""].join("\n");
}
