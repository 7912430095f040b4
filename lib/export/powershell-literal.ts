import { computerNameProblem, fqdnProblem, samAccountNameProblem } from "@/lib/plan";

/**
 * Plan values enter a script only through these functions, and only as
 * ASCII. Windows PowerShell 5.1 reads a file without a byte order mark in the
 * ANSI code page, where the UTF-8 bytes of letters such as Ñ or Ă decode to
 * typographic quotes that end a string: so a value's characters outside
 * printable ASCII are written as [char] code points, and the ASCII runs
 * between them as single-quoted literals. Inside a single-quoted literal
 * nothing expands: no $variable, no $(subexpression), no backtick escape;
 * the only character to double is '.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A single-quoted literal of printable ASCII text. Throws on anything else: use psString for values. */
export function psLiteral(value: string): string {
  if (!PRINTABLE_ASCII.test(value)) throw new ScriptValueError("literal", value, "only printable ASCII goes into a single-quoted literal");
  return `'${value.replaceAll("'", "''")}'`;
}

function charCode(unit: number): string {
  return `[char]0x${unit.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Any text as a PowerShell expression made of ASCII only: a plain literal
 * when the text is printable ASCII, otherwise a parenthesised concatenation
 * of literals and [char] code points (UTF-16 code units, so characters
 * beyond the Basic Multilingual Plane become their surrogate pair).
 */
export function psString(value: string): string {
  if (PRINTABLE_ASCII.test(value)) return psLiteral(value);
  const parts: string[] = [];
  let run = "";
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    if (unit >= 0x20 && unit <= 0x7e) {
      run += value[index];
      continue;
    }
    if (run) parts.push(psLiteral(run));
    run = "";
    parts.push(charCode(unit));
  }
  if (run) parts.push(psLiteral(run));
  // A leading string makes every + a string concatenation, even when the value starts with a [char].
  if (!parts[0]!.startsWith("'")) parts.unshift("''");
  return `(${parts.join(" + ")})`;
}

/** An array of strings: @('a', 'b'). */
export function psArray(values: readonly string[]): string {
  return `@(${values.map(psString).join(", ")})`;
}

const TYPOGRAPHIC: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2026": "...",
  "\u203A": ">",
  "\u00A0": " ",
};

/**
 * Text for a `#` comment: one line of printable ASCII. Typographic
 * punctuation becomes its ASCII look-alike; any other character outside
 * printable ASCII (a letter such as Ñ, a line break) is shown as <U+00D1>,
 * so a comment can neither end early nor carry bytes PowerShell 5.1 misreads.
 */
export function asciiComment(text: string): string {
  let result = "";
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) result += character;
    else result += TYPOGRAPHIC[character] ?? `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
  }
  return result;
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
    return psString(value);
  };
}

/**
 * Values of a known kind, checked again before they are written (the plan
 * schema has already refused wrong ones, so this throws only on a bug).
 */
export const psValue = {
  samAccountName: checked("sAMAccountName", samAccountNameProblem),
  fqdn: checked("domain name", fqdnProblem),
  computerName: checked("computer name", computerNameProblem),
  /** Free text (organisation, preparer, an OU's distinguished name): any characters, still only ever ASCII expressions. */
  text: psString,
};
