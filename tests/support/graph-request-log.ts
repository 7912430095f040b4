import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Vitest global setup: every fake Graph the unit tests start appends the
 * requests it answers to one fresh file, which the conformance project (run
 * after the unit project) checks against Graph's metadata.
 */
export const UNIT_REQUEST_LOG = join(process.cwd(), "test-logs", "graph-requests", "unit.jsonl");

export default function setup() {
  mkdirSync(dirname(UNIT_REQUEST_LOG), { recursive: true });
  writeFileSync(UNIT_REQUEST_LOG, "");
  process.env.PLANNER_DEMO_REQUEST_LOG = UNIT_REQUEST_LOG;
}
