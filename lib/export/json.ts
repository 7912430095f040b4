import type { Plan } from "@/lib/plan";

/** The plan as the JSON file the planner imports back unchanged. */
export function planToJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
