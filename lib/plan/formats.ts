import { z } from "zod/mini";
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
  if (!value.includes(".")) return `Enter the full DNS name, like ${value || "corp"}.contoso.com, not a single label.`;
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

/** A string checked by one of the functions above, reported with its message. */
export function formatted(problem: (value: string) => string | undefined) {
  return z.string().check(
    z.superRefine((value, context) => {
      const message = problem(value);
      if (message) context.addIssue({ code: "custom", message });
    }),
  );
}
