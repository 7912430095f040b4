import type { Plan } from "@/lib/plan";
import { fingerprinterOf } from "./fingerprint";
import type { CheckResult, ValidationReport } from "./schema";

/**
 * Most results a report carries. The largest plan's checks (one per account
 * entry, a few per admin, one per UPN suffix) can run to thousands; past
 * this, or past the answer's byte budget, results of the same check and
 * status are merged into one that names them all.
 */
export const MAX_REPORT_RESULTS = 1_000;

/** Longest list of names one merged result carries; CheckResult.detail holds 2,000 characters. */
const NAMES_PER_RESULT = 1_500;

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

/** "tenant-upn-suffix:contoso.com" → ["tenant-upn-suffix", "contoso.com"]; results without a subject are kept as they are. */
function splitId(id: string): [string, string] | undefined {
  const colon = id.indexOf(":");
  return colon > 0 ? [id.slice(0, colon), id.slice(colon + 1)] : undefined;
}

function merged(kind: string, members: CheckResult[], chunk: number): CheckResult {
  const first = members[0]!;
  const names = members.map((member) => splitId(member.id)![1]).join(", ");
  const sameAccount = members.every((member) => member.account === first.account && member.accountKey === first.accountKey);
  return {
    id: `${kind}:${first.status}:${chunk}`,
    account: sameAccount ? first.account : null,
    ...(sameAccount && first.accountKey !== undefined ? { accountKey: first.accountKey } : {}),
    status: first.status,
    title: `${members.length} checks like “${first.title.slice(0, 200)}”`,
    detail: `The same result for ${names}. For example: ${first.detail}`.slice(0, 2000),
    ...(first.remediation ? { remediation: first.remediation } : {}),
    ...(first.docUrl ? { docUrl: first.docUrl } : {}),
  };
}

function mergeAlike(results: readonly CheckResult[]): CheckResult[] {
  const groups = new Map<string, CheckResult[]>();
  const output: (CheckResult | string)[] = [];
  for (const result of results) {
    const parts = splitId(result.id);
    if (!parts) {
      output.push(result);
      continue;
    }
    const group = `${parts[0]}\u0000${result.status}`;
    if (!groups.has(group)) {
      groups.set(group, []);
      output.push(group);
    }
    groups.get(group)!.push(result);
  }
  return output.flatMap((item) => {
    if (typeof item !== "string") return [item];
    const members = groups.get(item)!;
    if (members.length === 1) return members;
    const kind = item.split("\u0000")[0]!;
    const chunks: CheckResult[][] = [[]];
    let length = 0;
    for (const member of members) {
      const nameLength = splitId(member.id)![1].length + 2;
      if (length + nameLength > NAMES_PER_RESULT && chunks.at(-1)!.length > 0) {
        chunks.push([]);
        length = 0;
      }
      chunks.at(-1)!.push(member);
      length += nameLength;
    }
    return chunks.map((chunk, index) => (chunk.length === 1 ? chunk[0]! : merged(kind, chunk, index + 1)));
  });
}

/**
 * The report as answered: unchanged when it fits `budgetBytes` and
 * MAX_REPORT_RESULTS; otherwise alike results are merged, and if that is
 * still too much, passing results give way first, with a note of how many.
 */
export function boundedReport(report: ValidationReport, budgetBytes: number, plan?: Plan): ValidationReport {
  // Merged results and the note are new: they get the fingerprint of what they read (the whole plan) when the plan is given.
  const fingerprint = plan ? fingerprinterOf(plan) : undefined;
  const stamped = (result: CheckResult): CheckResult => (fingerprint && result.fingerprint === undefined ? { ...result, fingerprint: fingerprint(result) } : result);
  const fits = (candidate: ValidationReport) => candidate.results.length <= MAX_REPORT_RESULTS && bytesOf(candidate) <= budgetBytes;
  if (fits(report)) return report;
  const compact = { ...report, results: mergeAlike(report.results).map(stamped) };
  if (fits(compact)) return compact;
  // Still too much: keep the results that need action, worst first, and count the rest.
  const order = ["fail", "warn", "unknown", "pass"] as const;
  const sorted = [...compact.results].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const kept: CheckResult[] = [];
  let size = bytesOf({ ...report, results: [] }) + 600;
  for (const result of sorted) {
    const resultBytes = bytesOf(result) + 1;
    if (kept.length + 1 >= MAX_REPORT_RESULTS || size + resultBytes > budgetBytes) break;
    kept.push(result);
    size += resultBytes;
  }
  const left = sorted.length - kept.length;
  const note: CheckResult = {
    id: "report-shortened",
    account: null,
    status: "unknown",
    title: `${left} more results are not listed`,
    detail: "The plan produced more results than one answer carries; the ones listed need action first. Split the plan (fewer forests or UPN suffixes) to see the rest.",
  };
  return { ...report, results: [...kept, stamped(note)] };
}
