import { TOOL_LABELS } from "@/lib/catalog";
import { hasToolAndEnvironment, PLAN_KIND, type Plan, type PlanWithTool } from "@/lib/plan";
import { parseJsonFile } from "@/lib/plan/file";
import { preflightTargets, targetFingerprint } from "./targets";
import { PREFLIGHT_FACTS_KIND, PREFLIGHT_FACTS_SCHEMA_VERSION, preflightFactsSchema, type PreflightFacts } from "./facts-schema";

/** Largest pre-flight file accepted: a forest of many domains writes a few hundred kilobytes. */
export const PREFLIGHT_FILE_MAX_BYTES = 5_000_000;

export type PreflightFileResult =
  | { ok: true; facts: PreflightFacts; ownerId: string; plan: PlanWithTool; /** Set when the collector was generated from an earlier version of the plan. */ notice?: string }
  | { ok: false; message: string };

const CHOOSE = "Choose a preflight-….json file written by a collector from this plan's Export step.";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads a pre-flight file for this plan, or says why not: too large, not
 * JSON, not a pre-flight file (a plan file is named as such), from a newer
 * collector, not the published shape, or collected for another plan. It
 * reads only; the caller changes the plan only on success.
 */
export function readPreflightFile(text: string, plan: Plan): PreflightFileResult {
  // Windows PowerShell 5.1 writes UTF-8 with a byte order mark.
  const parsed = parseJsonFile(text.replace(/^\uFEFF/, ""), PREFLIGHT_FILE_MAX_BYTES, `The file is larger than 5 MB, far larger than any pre-flight file. ${CHOOSE}`);
  if (!parsed.ok) return { ok: false, message: parsed.issues[0]!.message.replace("Choose the .json file the planner exported.", CHOOSE) };
  const value = parsed.value;
  if (isRecord(value) && value.kind === PLAN_KIND) {
    return { ok: false, message: `This is a plan file, not a pre-flight file: open plans from the start page. ${CHOOSE}` };
  }
  if (!isRecord(value) || value.kind !== PREFLIGHT_FACTS_KIND) {
    return { ok: false, message: `This is not a pre-flight file: a pre-flight file has "kind": "${PREFLIGHT_FACTS_KIND}". ${CHOOSE}` };
  }
  if (typeof value.schemaVersion === "number" && value.schemaVersion > PREFLIGHT_FACTS_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `This pre-flight file was written by a newer collector (schema version ${value.schemaVersion}); this planner reads version ${PREFLIGHT_FACTS_SCHEMA_VERSION}. Open it with the newer planner, or run this plan's collector again.`,
    };
  }
  const facts = preflightFactsSchema.safeParse(value);
  if (!facts.success) {
    const issue = facts.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    return { ok: false, message: `This pre-flight file does not have the published shape (/preflight.schema.json)${where}: ${issue.message}. Run the collector again rather than editing its file.` };
  }
  if (!hasToolAndEnvironment(plan)) return { ok: false, message: "Choose the tool and describe the environment before loading pre-flight files." };
  return matchToPlan(facts.data, plan);
}

/** The forest or server of this plan the file was collected for; a file from another plan's collector is refused. */
function matchToPlan(facts: PreflightFacts, plan: PlanWithTool): PreflightFileResult {
  const organisation = plan.environment.organisation.name;
  const foreign = (what: string) => ({
    ok: false as const,
    message: `This pre-flight file is for another plan: ${what}. Nothing was changed. ${CHOOSE}`,
  });
  if (facts.plan.organisation.trim().toLowerCase() !== organisation.trim().toLowerCase()) {
    return foreign(`it was collected for “${facts.plan.organisation}”, and this plan is for “${organisation}”`);
  }
  if (facts.plan.tool !== plan.tool) return foreign(`it was generated for ${TOOL_LABELS[facts.plan.tool]}, and this plan uses ${TOOL_LABELS[plan.tool]}`);
  const target = preflightTargets(plan).find((candidate) => candidate.id === facts.plan.collectorId);
  const notice =
    target && targetFingerprint(target) !== facts.plan.fingerprint
      ? "The plan changed after this collector was generated: its facts are judged against the plan as it is now. For an exact picture, run the collector the Export step offers now."
      : undefined;
  const found = (ownerId: string): PreflightFileResult => ({ ok: true, facts, ownerId, plan, ...(notice ? { notice } : {}) });
  if (facts.scope === "forest") {
    const wanted = facts.forest.plannedName.toLowerCase();
    const forest = plan.environment.forests.find((candidate) => candidate.rootDomain.toLowerCase() === wanted);
    return forest ? found(forest.id) : foreign(`this plan has no forest ${facts.forest.plannedName}`);
  }
  const wanted = facts.server.plannedName.toLowerCase();
  const server = plan.environment.servers.find((candidate) => candidate.name.toLowerCase() === wanted);
  return server ? found(server.id) : foreign(`this plan has no server ${facts.server.plannedName}`);
}
