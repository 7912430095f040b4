import { computerNameProblem, fqdnProblem, gmsaNameProblem, samAccountNameProblem } from "@/lib/plan";

/**
 * Plan values enter a script only through these functions: checked for their
 * kind, then written as a single-quoted PowerShell literal. PowerShell treats
 * the typographic quotes U+2018 to U+201B like ' and ends a string on any of
 * them, so each is doubled as well. Inside such a literal nothing expands:
 * no $variable, no $(subexpression), no backtick escape.
 */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

export function psLiteral(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

export class ScriptValueError extends Error {
  constructor(
    readonly kind: string,
    readonly value: string,
    problem: string,
  ) {
    super(`Cannot put the ${kind} "${value}" in a script: ${problem}`);
  }
}

function checked(kind: string, problem: (value: string) => string | undefined) {
  return (value: string): string => {
    const message = problem(value);
    if (message) throw new ScriptValueError(kind, value, message);
    return psLiteral(value);
  };
}

export const psValue = {
  samAccountName: checked("sAMAccountName", samAccountNameProblem),
  gmsaName: checked("gMSA name", gmsaNameProblem),
  fqdn: checked("domain name", fqdnProblem),
  computerName: checked("computer name", computerNameProblem),
  /** Free text (organisation, preparer): any characters, still only ever a literal. */
  text: (value: string): string => psLiteral(value),
};
