import * as z from "zod/mini";
import { LIMITS, SAM_ACCOUNT_NAME_FORBIDDEN_CHARACTERS } from "@/lib/catalog";

/**
 * Field formats of Active Directory and Microsoft Entra ID, each with a
 * message that says how to fix the value. The plan schema and the script
 * exports share them.
 */

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const FQDN_PATTERN = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$`, "i");
/** Characters Entra ID accepts in the part of a UPN before the @ (Microsoft lists ' ! # ^ ~ besides letters, digits, . - _). */
const UPN_LOCAL_PATTERN = /^[a-z0-9'!#^~_-](?:[a-z0-9'!#^~._-]{0,62}[a-z0-9'!#^~_-])?$/i;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export const GUEST_UPN_MARKER = "#EXT#";

export function isFqdn(value: string): boolean {
  return FQDN_PATTERN.test(value);
}

export function fqdnProblem(value: string): string | undefined {
  if (value.length === 0) return "Enter a fully qualified domain name, like contoso.com.";
  if (/\s/.test(value)) return "Remove the spaces: a domain name has none.";
  if (value.includes("\\") || value.includes("/")) return "Enter the DNS name of the domain (like corp.contoso.com), not a NetBIOS name or a path.";
  if (!value.includes(".")) return "Enter the full DNS name, like corp.contoso.com, not a single label.";
  if (!isFqdn(value)) return "Use letters, digits and hyphens between dots, like corp.contoso.com; labels cannot start or end with a hyphen.";
  return undefined;
}

export function upnProblem(value: string): string | undefined {
  if (value.length === 0) return "Enter a user principal name, like admin@contoso.com.";
  if (/\s/.test(value)) return "Remove the spaces: a user principal name has none.";
  const at = value.lastIndexOf("@");
  if (at <= 0 || value.indexOf("@") !== at) return "Enter one user principal name with a single @, like admin@contoso.com.";
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64) return "Shorten the part before the @ to 64 characters or fewer.";
  if (local.includes("..")) return "Remove the double dot before the @.";
  if (!UPN_LOCAL_PATTERN.test(local)) {
    return "Use only letters, digits and . - _ ' ! # ^ ~ before the @, and do not start or end it with a dot.";
  }
  const domainProblem = fqdnProblem(domain);
  if (domainProblem) return `The part after the @ is not a domain name. ${domainProblem}`;
  return undefined;
}

export function upnDomain(upn: string): string {
  return upn.slice(upn.lastIndexOf("@") + 1).toLowerCase();
}

export function isGuestUpn(upn: string): boolean {
  return upn.toUpperCase().includes(GUEST_UPN_MARKER);
}

function forbiddenCharactersIn(value: string): string[] {
  return SAM_ACCOUNT_NAME_FORBIDDEN_CHARACTERS.filter((character) => value.includes(character));
}

export function samAccountNameProblem(value: string): string | undefined {
  if (value.length === 0) return "Enter the account's sAMAccountName (its pre-Windows 2000 logon name).";
  if (CONTROL_CHARACTERS.test(value)) return "Remove the control characters (such as line breaks) from the name.";
  if (value.length > LIMITS.samAccountNameMaxLength) {
    return `Shorten the name to ${LIMITS.samAccountNameMaxLength} characters or fewer (it has ${value.length}): that is the sAMAccountName limit.`;
  }
  const forbidden = forbiddenCharactersIn(value);
  if (forbidden.length > 0) {
    return `Remove ${forbidden.map((character) => `"${character}"`).join(", ")}: a sAMAccountName cannot contain " / \\ [ ] : ; | = , + * ? < > @. Enter the name without the domain.`;
  }
  if (/^[.\s]+$/.test(value)) return "A sAMAccountName cannot consist only of dots or spaces.";
  if (value.endsWith(".")) return "Remove the trailing dot: Active Directory does not allow it.";
  return undefined;
}

export function gmsaNameProblem(value: string): string | undefined {
  if (value.length === 0) return "Enter the gMSA's name, ending in $, like provAgentgMSA$.";
  if (!value.endsWith("$")) return `End the gMSA name with $ (for example ${value}$): that is how Active Directory names managed service accounts.`;
  const stem = value.slice(0, -1);
  if (stem.length === 0) return "Enter a name before the $.";
  if (stem.length > LIMITS.gmsaNameMaxLength) {
    return `Shorten the gMSA name to ${LIMITS.gmsaNameMaxLength} characters before the $ (it has ${stem.length}).`;
  }
  if (stem.includes("$")) return "Use a single $, at the end of the name.";
  const problem = samAccountNameProblem(stem);
  return problem;
}

export function computerNameProblem(value: string): string | undefined {
  if (value.length === 0) return "Enter the server's computer name, like SYNC01.";
  if (value.includes(".")) return "Enter the short computer name (like SYNC01), not its full DNS name.";
  if (value.length > LIMITS.computerNameMaxLength) {
    return `Shorten the computer name to ${LIMITS.computerNameMaxLength} characters or fewer (the NetBIOS limit).`;
  }
  if (!/^[a-z0-9-]+$/i.test(value)) return "Use only letters, digits and hyphens in a computer name.";
  if (/^\d+$/.test(value)) return "A computer name cannot be only digits.";
  return undefined;
}

export function sqlLoginProblem(value: string): string | undefined {
  if (value.length === 0) return "Enter the login, as DOMAIN\\name for a Windows login or the name of a SQL login.";
  if (CONTROL_CHARACTERS.test(value)) return "Remove the control characters (such as line breaks) from the login.";
  if (value.length > 128) return "Shorten the login to 128 characters or fewer (the SQL Server limit).";
  const parts = value.split("\\");
  if (parts.length > 2) return "Use at most one backslash, as in DOMAIN\\name.";
  if (parts.length === 2) {
    const [domain = "", user = ""] = parts;
    if (!/^[a-z0-9][a-z0-9.-]*$/i.test(domain)) return "Before the backslash, enter the domain's NetBIOS or DNS name, like CONTOSO.";
    return samAccountNameProblem(user);
  }
  return undefined;
}

export const TENANT_INITIAL_DOMAIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.onmicrosoft\.com$/i;
export const TENANT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a field may hold besides its format:
 * - `identifier`: names, domains, UPNs, servers, OUs: no invisible character at all;
 * - `text`: one line of free text (names of people and organisations): zero-width joiners allowed,
 *   since Persian or Hindi names need ZWJ and ZWNJ;
 * - `multiline`: notes: like text, plus tab and line breaks.
 */
export type TextKind = "identifier" | "text" | "multiline";

const BIDI_CONTROLS: Record<number, string> = {
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
};

/** Characters that take no space and show nothing: harmless in a person's name, a trap in an identifier. */
const INVISIBLE: Record<number, string> = {
  0x00ad: "soft hyphen",
  0x061c: "Arabic letter mark",
  0x180e: "Mongolian vowel separator",
  0x200b: "zero width space",
  0x200c: "zero width non-joiner",
  0x200d: "zero width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x2060: "word joiner",
  0xfeff: "zero width no-break space",
};

function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

function isNoncharacter(codePoint: number): boolean {
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
}

/**
 * The first character a field of this kind must not hold, as a message that
 * names it and its position: control characters (C0 and C1), noncharacters,
 * broken surrogate halves, bidirectional overrides and isolates, and in
 * identifiers any invisible character.
 */
export function characterProblem(value: string, kind: TextKind): string | undefined {
  let position = 0;
  for (let index = 0; index < value.length; index += 1) {
    position += 1;
    const unit = value.charCodeAt(index);
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return `Remove the broken character at position ${position} (half of a surrogate pair): retype or paste that character again.`;
      codePoint = value.codePointAt(index)!;
      index += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return `Remove the broken character at position ${position} (half of a surrogate pair): retype or paste that character again.`;
    }
    const name = codePointName(codePoint);
    const lineBreak = codePoint === 0x0a || (codePoint === 0x0d && value.charCodeAt(index + 1) === 0x0a);
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) {
      if (kind === "multiline" && (codePoint === 0x09 || lineBreak)) continue;
      const what = codePoint === 0x0a || codePoint === 0x0d ? "line break" : codePoint === 0x09 ? "tab" : "control character";
      return `Remove the ${what} (${name}) at position ${position}: ${kind === "multiline" ? "notes may hold tabs and line breaks, but no other control characters" : "this field is a single line of visible characters"}.`;
    }
    if (isNoncharacter(codePoint)) return `Remove ${name} at position ${position}: it is a noncharacter, which Unicode reserves and no text should hold.`;
    const bidi = BIDI_CONTROLS[codePoint];
    if (bidi) return `Remove the invisible ${bidi} (${name}) at position ${position}: it makes the text display in another order than it is stored.`;
    const invisible = INVISIBLE[codePoint];
    if (invisible && kind === "identifier") {
      return `Remove the invisible ${invisible} (${name}) at position ${position}: names, domains, user principal names and server names cannot hold invisible characters.`;
    }
  }
  return undefined;
}

/** A zod check that refuses the characters `characterProblem` names, for a field of this kind. */
export function safeCharacters(kind: TextKind) {
  return z.superRefine((value: string, context) => {
    const message = characterProblem(value, kind);
    if (message) context.addIssue({ code: "custom", message });
  });
}

/** A string checked by one of the functions above, reported with its message; an identifier, so no invisible characters either. */
export function formatted(problem: (value: string) => string | undefined) {
  return z.string().check(
    z.superRefine((value, context) => {
      const message = characterProblem(value, "identifier") ?? problem(value);
      if (message) context.addIssue({ code: "custom", message });
    }),
  );
}
