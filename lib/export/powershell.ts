import { AD_SCHEMA, SOURCES, TOOL_LABELS, type Citation } from "@/lib/catalog";
import { CONNECTOR_DISCOVERY, type AceSpec } from "@/lib/catalog/install-day";
import { installDay } from "@/lib/install-day/build";
import { accountText, whenText, whereText, whoText } from "@/lib/install-day/describe";
import type { AccountRef, AdminGroup, AdvisoryAce, InstallDay, Part, Step, Who } from "@/lib/install-day/model";
import type { Plan } from "@/lib/plan";
import { exportFileName } from "./filename";
import { asciiComment, psArray, psLiteral, psString, psValue } from "./powershell-literal";
import { CREDENTIAL_PATTERN, PRELUDE_FUNCTIONS } from "./powershell-prelude";
import { powerShellFileBytes } from "./script-bytes";
import { sha256Hex } from "./sha256";

/**
 * The one renderer from the install-day step model to PowerShell. A script
 * holds parts, each chosen with -Part; a part first checks where it runs and
 * who runs it and throws before changing anything when either is wrong. Every
 * change sits behind $PSCmdlet.ShouldProcess (so -WhatIf lists it), is
 * preceded by a read that skips what is already there, and is followed by a
 * read that stops the part, with a summary of what is not done, when the
 * change did not land. Plan values appear only as ASCII expressions
 * (powershell-literal.ts).
 */

export interface ScriptInfo {
  organisation: string;
  preparer: string;
  updated: string;
  tool: string;
}

const INDENT = "    ";
const indent = (lines: readonly string[], depth: number) => lines.map((line) => (line ? INDENT.repeat(depth) + line : line));
const comment = (text: string) => `# ${asciiComment(text)}`;

function groupSpec(group: AdminGroup): string {
  switch (group.kind) {
    case "enterpriseAdmins":
      return `EnterpriseAdmins=${group.forest}`;
    case "domainAdmins":
      return `DomainAdmins=${group.domain}`;
    case "administrators":
      return `Administrators=${group.computer}`;
  }
}

function whoSpec(who: Who): string {
  return psArray(who.anyOf.map((groups) => groups.map(groupSpec).join("+")));
}

function citeComment(cite: Citation): string {
  const source = SOURCES[cite.source];
  return comment(`Source: ${source.title}, "${cite.section}"${source.url ? ` (${source.url})` : ""}`);
}

function aceName(ace: AceSpec): string {
  const what = ace.object ? AD_SCHEMA[ace.object].displayName : `${ace.rights.join(" and ")} (all properties)`;
  const where = ace.appliesTo === "domainRoot" ? "the domain root" : `descendant ${ace.appliesTo.descendantClass} objects`;
  return `${what} for ${where}`;
}

function aceTable(aces: readonly AceSpec[], notes: readonly string[] = []): string {
  if (aces.length === 0) return "@()";
  const rows = aces.map(
    (ace, index) =>
      `@{ Rights = ${psLiteral(ace.rights.join(", "))}; Object = ${psLiteral(ace.object ? AD_SCHEMA[ace.object].guid : "")}; Class = ${psLiteral(ace.appliesTo === "domainRoot" ? "" : ace.appliesTo.descendantClass)}; Name = ${psString(notes[index] ? `${aceName(ace)} (${notes[index]})` : aceName(ace))} }`,
  );
  return `@(${rows.join(", ")})`;
}

function ldapValue(name: string): string {
  return `(ConvertTo-PlanLdapValue ${psValue.samAccountName(name)})`;
}

/** Sets $account (an ActiveDirectory module object) and $accountDomain, in a part run on a machine of the account's forest. */
function resolveInForest(ref: AccountRef): string[] {
  switch (ref.kind) {
    case "named":
      return ref.gmsa
        ? [
            `$account = Get-ADServiceAccount -LDAPFilter ('(sAMAccountName={0}$)' -f ${ldapValue(ref.name)}) -Server ${psValue.fqdn(ref.domain)} -Properties PrincipalsAllowedToRetrieveManagedPassword`,
            `$accountDomain = ${psValue.fqdn(ref.domain)}`,
          ]
        : [`$account = Get-ADUser -LDAPFilter ('(sAMAccountName={0})' -f ${ldapValue(ref.name)}) -Server ${psValue.fqdn(ref.domain)}`, `$accountDomain = ${psValue.fqdn(ref.domain)}`];
    case "generated":
      return [
        `$found = Find-PlanWizardConnector ${psValue.fqdn(ref.forest)}`,
        "$accountDomain = ConvertTo-PlanFqdn ([string] $found.Properties['distinguishedname'][0])",
        "$account = Get-ADUser -Identity ([string] $found.Properties['distinguishedname'][0]) -Server $accountDomain",
      ];
  }
}

/** The branch for an account that is not there: under -WhatIf an earlier step would have created it. */
function accountMissing(ref: AccountRef): string[] {
  return [
    "if (-not $account) {",
    `    if ($WhatIfPreference) { Add-PlanResult $PlanStep 'would change' 'once the account exists' } else { throw (${psString(`${accountText(ref)} does not exist`)}) }`,
    "} else {",
  ];
}

function verifyAndFinish(domainsExpression: string, sidExpression: string, credential = ""): string[] {
  const withCredential = credential ? ` -Credential ${credential}` : "";
  return [
    `    $missing = @(Get-PlanMissingAce -Domains ${domainsExpression} -Sid ${sidExpression} -Expected $expected${withCredential})`,
    "    if ($missing.Count -gt 0) { throw ('after the change these are still missing: {0}' -f ($missing -join '; ')) }",
    "    Add-PlanResult $PlanStep 'done'",
  ];
}

function advisoryCheck(domainsExpression: string, sidExpression: string, advisory: readonly AdvisoryAce[], credential = ""): string[] {
  if (advisory.length === 0) return [];
  const withCredential = credential ? ` -Credential ${credential}` : "";
  return [
    `    $unsure = @(Get-PlanMissingAce -Domains ${domainsExpression} -Sid ${sidExpression} -Expected ${aceTable(advisory.map(({ ace }) => ace), advisory.map(({ why }) => why))}${withCredential})`,
    "    if ($unsure.Count -gt 0 -and -not $WhatIfPreference) { Add-PlanResult $PlanStep 'check' ('not found (reported, not required): {0}' -f ($unsure -join '; ')) }",
  ];
}

/**
 * A part names each list of domains once, as a variable set after its guard,
 * and its steps refer to it: a forest of a hundred domains would otherwise
 * repeat the list in every step (and the script would outgrow any download).
 */
const partDomainLists = new WeakMap<Part, Map<string, string>>();

function domainsRef(part: Part, domains: readonly string[]): string {
  let lists = partDomainLists.get(part);
  if (!lists) {
    lists = new Map();
    partDomainLists.set(part, lists);
  }
  const key = domains.join("\n");
  let name = lists.get(key);
  if (!name) {
    name = `$PartDomains${lists.size + 1}`;
    lists.set(key, name);
  }
  return name;
}

function domainListDefinitions(part: Part): string[] {
  return [...(partDomainLists.get(part) ?? new Map<string, string>())].map(([key, name]) => `${name} = ${psArray(key.split("\n"))}`);
}

function stepBody(step: Step, part: Part, later: string): string[] {
  switch (step.kind) {
    case "kdsRootKey": {
      const forest = psValue.fqdn(step.forest);
      return [
        "$now = (Get-Date).ToUniversalTime()",
        "$keys = @(Get-KdsRootKey)",
        `$usableFrom = @($keys | ForEach-Object { $_.EffectiveTime.ToUniversalTime().AddHours(${step.waitHours}) } | Sort-Object)`,
        "if ($usableFrom.Count -gt 0 -and $usableFrom[0] -le $now) {",
        "    Add-PlanResult $PlanStep 'already present' ('domain controllers use it since {0:yyyy-MM-dd HH:mm} UTC' -f $usableFrom[0])",
        "} elseif ($usableFrom.Count -gt 0) {",
        "    Add-PlanResult $PlanStep 'not done' ('a key exists; domain controllers use it from {0:yyyy-MM-dd HH:mm} UTC' -f $usableFrom[0])",
        `    Complete-PlanPart -Left ${later} -Reason ('Come back after {0:yyyy-MM-dd HH:mm} UTC and run this part again.' -f $usableFrom[0]) -Code 2`,
        "} else {",
        `    if (-not (Test-PlanCaller ${whoSpec(step.mayCreate)})) {`,
        `        throw (${psString(`the forest has no KDS root key, and creating one takes ${whoText(step.mayCreate)}: run this part as one of them`)})`,
        "    }",
        "    # Domain role 4 and 5: a backup or primary domain controller.",
        "    if ((Get-CimInstance -ClassName Win32_ComputerSystem).DomainRole -lt 4) {",
        `        throw (${psString(`the forest has no KDS root key, and it is created on a domain controller: run this part on a domain controller of ${step.forest}`)})`,
        "    }",
        `    if ($PSCmdlet.ShouldProcess(('the forest {0}' -f ${forest}), 'Add-KdsRootKey -EffectiveImmediately')) {`,
        "        [void] (Add-KdsRootKey -EffectiveImmediately)",
        `        $usable = $now.AddHours(${step.waitHours})`,
        "        if (@(Get-KdsRootKey).Count -eq 0) { throw 'no KDS root key is there after creating one' }",
        "        Add-PlanResult $PlanStep 'done' ('created; domain controllers use it from {0:yyyy-MM-dd HH:mm} UTC' -f $usable)",
        `        Complete-PlanPart -Left ${later} -Reason ('A new KDS root key ends this run: come back after {0:yyyy-MM-dd HH:mm} UTC and run this part again (the key is never back-dated).' -f $usable) -Code 2`,
        "    } else {",
        "        Add-PlanResult $PlanStep 'would change' 'Add-KdsRootKey -EffectiveImmediately, and the run would end there'",
        `        Complete-PlanPart -Left ${later} -Reason '-WhatIf: with a new KDS root key the run would end here.'`,
        "    }",
        "}",
      ];
    }
    case "gmsa": {
      const name = psValue.samAccountName(step.account.name);
      const domain = psValue.fqdn(step.account.domain);
      const hosts = step.hosts.map((host) => `@{ Computer = ${psValue.computerName(host.computer)}; Domain = ${psValue.fqdn(host.domain)} }`);
      return [
        `$hostDns = @(foreach ($planHost in @(${hosts.join(", ")})) { (Get-ADComputer -Identity ('{0}$' -f $planHost.Computer) -Server $planHost.Domain).DistinguishedName })`,
        ...resolveInForest(step.account),
        "if (-not $account) {",
        `    if ($PSCmdlet.ShouldProcess(('{0}$ in {1}' -f ${name}, ${domain}), 'Create the group managed service account')) {`,
        `        $parameters = @{ Name = ${name}; SamAccountName = ('{0}$' -f ${name}); DNSHostName = ('{0}.{1}' -f ${name}, ${domain}); Server = ${domain}; PrincipalsAllowedToRetrieveManagedPassword = $hostDns }`,
        ...(step.path ? [`        $parameters.Path = ${psString(step.path)}`] : []),
        "        New-ADServiceAccount @parameters",
        ...indent(resolveInForest(step.account), 2),
        "        $allowed = @(if ($account) { $account.PrincipalsAllowedToRetrieveManagedPassword })",
        "        $absent = @($hostDns | Where-Object { $allowed -notcontains $_ })",
        "        if (-not $account -or $absent.Count -gt 0) { throw ('the gMSA or these hosts are not there after creating it: {0}' -f ($absent -join '; ')) }",
        "        Add-PlanResult $PlanStep 'done' ('created; allowed: {0}' -f ($hostDns -join '; '))",
        "    } else { Add-PlanResult $PlanStep 'would change' 'create it' }",
        "} else {",
        "    $current = @($account.PrincipalsAllowedToRetrieveManagedPassword)",
        "    $adding = @($hostDns | Where-Object { $current -notcontains $_ })",
        "    if ($adding.Count -eq 0) {",
        "        Add-PlanResult $PlanStep 'already present' ('allowed: {0}' -f ($current -join '; '))",
        `    } elseif ($PSCmdlet.ShouldProcess(('{0}$ in {1}' -f ${name}, ${domain}), ('Add {0} to the principals allowed to retrieve the password, keeping {1}' -f ($adding -join '; '), ($current -join '; ')))) {`,
        `        Set-ADServiceAccount -Identity $account.DistinguishedName -Server ${domain} -PrincipalsAllowedToRetrieveManagedPassword @($current + $adding)`,
        ...indent(resolveInForest(step.account), 2),
        "        $allowed = @($account.PrincipalsAllowedToRetrieveManagedPassword)",
        "        $absent = @(@($current + $adding) | Where-Object { $allowed -notcontains $_ })",
        "        if ($absent.Count -gt 0) { throw ('not allowed after the change: {0}' -f ($absent -join '; ')) }",
        "        Add-PlanResult $PlanStep 'done' ('added: {0}; kept: {1}' -f ($adding -join '; '), ($current -join '; '))",
        "    } else { Add-PlanResult $PlanStep 'would change' ('add: {0}; keep: {1}' -f ($adding -join '; '), ($current -join '; ')) }",
        "}",
      ];
    }
    case "user": {
      const name = psValue.samAccountName(step.account.name);
      const domain = psValue.fqdn(step.account.domain);
      return [
        ...resolveInForest(step.account),
        "if ($account) {",
        "    Add-PlanResult $PlanStep 'already present' $account.DistinguishedName",
        `} elseif ($PSCmdlet.ShouldProcess(('{0} in {1}' -f ${name}, ${domain}), 'Create the account')) {`,
        `    $password = Read-Host -AsSecureString -Prompt ('Password for {0}: long and random; you type it again in the Connect wizard; it is not stored' -f ${name})`,
        `    $parameters = @{ Name = ${name}; SamAccountName = ${name}; Server = ${domain}; AccountPassword = $password; Enabled = $true; PasswordNeverExpires = $true; CannotChangePassword = $true; Description = 'AD DS Connector account for Microsoft Entra Connect' }`,
        ...(step.path ? [`    $parameters.Path = ${psString(step.path)}`] : []),
        "    New-ADUser @parameters",
        "    Remove-Variable -Name password",
        ...indent(resolveInForest(step.account), 1),
        "    if (-not $account) { throw 'the account is not there after creating it' }",
        "    Add-PlanResult $PlanStep 'done' $account.DistinguishedName",
        "} else { Add-PlanResult $PlanStep 'would change' 'create it' }",
      ];
    }
    case "adSyncConfigGrant": {
      const domains = domainsRef(part, step.domains);
      return [
        ...resolveInForest(step.account),
        ...accountMissing(step.account),
        `    $expected = ${aceTable(step.aces)}`,
        `    $missing = @(Get-PlanMissingAce -Domains ${domains} -Sid $account.SID.Value -Expected $expected)`,
        "    if ($missing.Count -eq 0) {",
        "        Add-PlanResult $PlanStep 'already present'",
        `    } elseif ($PSCmdlet.ShouldProcess(('{0}\\{1}' -f $accountDomain, $account.SamAccountName), ${psLiteral(step.cmdlet)})) {`,
        `        ${step.cmdlet} -ADConnectorAccountDN $account.DistinguishedName -Confirm:$false -ErrorAction Stop`,
        ...indent(verifyAndFinish(domains, "$account.SID.Value"), 1),
        "    } else { Add-PlanResult $PlanStep 'would change' ('missing: {0}' -f ($missing -join '; ')) }",
        ...advisoryCheck(domains, "$account.SID.Value", step.advisory),
        "}",
      ];
    }
    case "dsaclsGrant": {
      const domains = domainsRef(part, step.domains);
      const aces = step.grants.map((grant) => grant.ace);
      return [
        ...resolveInForest(step.account),
        ...accountMissing(step.account),
        `    $expected = ${aceTable(aces)}`,
        `    $missing = @(Get-PlanMissingAce -Domains ${domains} -Sid $account.SID.Value -Expected $expected)`,
        "    if ($missing.Count -eq 0) {",
        "        Add-PlanResult $PlanStep 'already present'",
        `    } elseif ($PSCmdlet.ShouldProcess(('{0}\\{1}' -f $accountDomain, $account.SamAccountName), ${psString(`dsacls: ${step.grants.map((grant) => grant.permission).join(", ")} on ${step.domains.length === 1 ? step.domains[0] : `the ${step.domains.length} domain roots of the forest`}`)})) {`,
        "        $trustee = '{0}\\{1}' -f (Get-ADDomain -Server $accountDomain).NetBIOSName, $account.SamAccountName",
        `        foreach ($domain in ${domains}) {`,
        "            $domainDn = (Get-ADDomain -Server $domain).DistinguishedName",
        ...step.grants.flatMap((grant) => [
          `            $output = & dsacls.exe $domainDn /G ('{0}:${grant.permission}' -f $trustee) /I:${grant.inheritance}`,
          `            if ($LASTEXITCODE -ne 0) { throw ('dsacls could not grant ${grant.permission} on {0}: {1}' -f $domainDn, ($output -join ' ')) }`,
        ]),
        "        }",
        ...indent(verifyAndFinish(domains, "$account.SID.Value"), 1),
        "    } else { Add-PlanResult $PlanStep 'would change' ('missing: {0}' -f ($missing -join '; ')) }",
        "}",
      ];
    }
    case "cloudSyncGrant": {
      const target = psValue.fqdn(step.targetDomain);
      const account = step.account;
      if (account.kind !== "named") return ["throw 'only a named gMSA is granted rights by this script'"];
      return [
        `$credential = Get-PlanCredential -Key ${target} -Purpose ${psString(`Set-AADCloudSyncPermissions in ${step.targetDomain}: an Enterprise Admin of ${step.forest}, or a Domain Admin of ${step.targetDomain}, as DOMAIN\\user`)} -Domains ${domainsRef(part, step.forestDomains)}`,
        `$found = @(Find-PlanDirectoryAccount ('LDAP://{0}' -f ${psValue.fqdn(account.domain)}) ('(&(objectClass=msDS-GroupManagedServiceAccount)(sAMAccountName={0}$))' -f ${ldapValue(account.name)}) $credential)`,
        `if ($found.Count -ne 1) { throw (${psString(`the gMSA ${accountText(account)} was not found`)}) }`,
        "$sid = Get-PlanSid $found[0]",
        `$expected = ${aceTable(step.aces)}`,
        `$missing = @(Get-PlanMissingAce -Domains @(${target}) -Sid $sid -Expected $expected -Credential $credential)`,
        "if ($missing.Count -eq 0) {",
        "    Add-PlanResult $PlanStep 'already present'",
        `} elseif ($PSCmdlet.ShouldProcess(${psString(accountText(account))}, ('Set-AADCloudSyncPermissions -PermissionType ${step.permissionType} -TargetDomain {0}' -f ${target}))) {`,
        `    Set-AADCloudSyncPermissions -PermissionType ${psLiteral(step.permissionType)} -TargetDomain ${target} -TargetDomainCredential $credential -ErrorAction Stop`,
        ...verifyAndFinish(`@(${target})`, "$sid", "$credential"),
        "} else { Add-PlanResult $PlanStep 'would change' ('missing: {0}' -f ($missing -join '; ')) }",
        ...advisoryCheck(`@(${target})`, "$sid", step.advisory, "$credential").map((line) => line.slice(INDENT.length)),
      ];
    }
    case "restrictConnector": {
      const forest = psValue.fqdn(step.forest);
      const account = step.account;
      const prefix = CONNECTOR_DISCOVERY.generatedPrefix;
      const fallback =
        account.kind === "named"
          ? [`    $name = ${psValue.samAccountName(account.name)}`, `    $domainPart = ${psValue.fqdn(account.domain)}`]
          : [
              `    $msol = @(Find-PlanDirectoryAccount ('GC://{0}' -f ${forest}) '(&(objectCategory=person)(objectClass=user)(sAMAccountName=${prefix}*))' $credential)`,
              `    if ($msol.Count -ne 1) { throw ('Connect names no connector for {0}, and {1} accounts match ${prefix}* there: harden the right one by hand (Set-ADSyncRestrictedPermissions).' -f ${forest}, $msol.Count) }`,
              "    $name = [string] $msol[0].Properties['samaccountname'][0]",
              "    $domainPart = ConvertTo-PlanFqdn ([string] $msol[0].Properties['distinguishedname'][0])",
            ];
      return [
        `$credential = Get-PlanCredential -Key ${forest} -Purpose ${psString(`Set-ADSyncRestrictedPermissions for the connector of ${step.forest}: an Enterprise Admin of ${step.forest}, or a Domain Admin of the connector's domain, as DOMAIN\\user (like CONTOSO\\admin)`)} -Domains ${domainsRef(part, step.domains)}`,
        `$configured = @(Get-ADSyncADConnectorAccount | Where-Object { $_.ADConnectorName -eq ${forest} })`,
        "if ($configured.Count -eq 1) {",
        "    $name = [string] $configured[0].ADConnectorAccountName",
        "    $domainPart = [string] $configured[0].ADConnectorAccountDomain",
        ...(account.kind === "named"
          ? [`    if ($name -ne ${psValue.samAccountName(account.name)}) { Add-PlanResult $PlanStep 'note' ('Connect uses {0}, the plan names {1}: the account Connect uses is hardened' -f $name, ${psValue.samAccountName(account.name)}) }`]
          : []),
        "} else {",
        ...fallback,
        "}",
        "$found = @(Find-PlanDirectoryAccount ('LDAP://{0}' -f $domainPart) ('(&(objectCategory=person)(objectClass=user)(sAMAccountName={0}))' -f (ConvertTo-PlanLdapValue $name)) $credential)",
        "if ($found.Count -ne 1) { throw ('the connector account {0} was not found in {1}' -f $name, $domainPart) }",
        "$dn = [string] $found[0].Properties['distinguishedname'][0]",
        "Write-Host ('  The connector of this forest is {0} ({1}).' -f $name, $dn)",
        "$entry = $found[0].GetDirectoryEntry()",
        "if (Test-PlanRestricted $entry) {",
        "    Add-PlanResult $PlanStep 'already present' $dn",
        "} elseif ($PSCmdlet.ShouldProcess($dn, 'Set-ADSyncRestrictedPermissions')) {",
        "    Set-ADSyncRestrictedPermissions -ADConnectorAccountDN $dn -Credential $credential -Confirm:$false -ErrorAction Stop",
        "    $entry = $found[0].GetDirectoryEntry()",
        "    if (-not (Test-PlanRestricted $entry)) { throw ('{0} is not protected after Set-ADSyncRestrictedPermissions' -f $dn) }",
        "    Add-PlanResult $PlanStep 'done' $dn",
        "} else { Add-PlanResult $PlanStep 'would change' $dn }",
      ];
    }
    case "restrictGmsa": {
      const domain = psValue.fqdn(step.domain);
      const account = step.account;
      const filter =
        account.kind === "named"
          ? `('(&(objectClass=msDS-GroupManagedServiceAccount)(sAMAccountName={0}$))' -f ${ldapValue(account.name)})`
          : `('(&(objectClass=msDS-GroupManagedServiceAccount)(|(sAMAccountName={0}$)(cn={0})))' -f ${ldapValue((account.planned ?? "").replace(/\$$/, ""))})`;
      return [
        `$credential = Get-PlanCredential -Key ${domain} -Purpose ${psString(`Set-AADCloudSyncRestrictedPermissions for the gMSA of ${step.domain}: a Domain Admin of ${step.domain} or an Enterprise Admin, as DOMAIN\\user`)} -Domains ${domainsRef(part, step.forestDomains)}`,
        `$found = @(Find-PlanDirectoryAccount ('LDAP://{0}' -f ${domain}) ${filter} $credential)`,
        `if ($found.Count -ne 1) { throw (${psString(`expected one gMSA named ${accountText(account)} in ${step.domain}${account.kind === "named" ? "" : " (by sAMAccountName, or by object name)"}, found `)} + $found.Count) }`,
        "$dn = [string] $found[0].Properties['distinguishedname'][0]",
        "$entry = $found[0].GetDirectoryEntry()",
        "if (Test-PlanRestricted $entry) {",
        "    Add-PlanResult $PlanStep 'already present' $dn",
        "} elseif ($PSCmdlet.ShouldProcess($dn, 'Set-AADCloudSyncRestrictedPermissions')) {",
        "    Set-AADCloudSyncRestrictedPermissions -Credential $credential -ErrorAction Stop",
        "    $entry = $found[0].GetDirectoryEntry()",
        "    if (-not (Test-PlanRestricted $entry)) { throw ('{0} is not protected after Set-AADCloudSyncRestrictedPermissions' -f $dn) }",
        "    Add-PlanResult $PlanStep 'done' $dn",
        "} else { Add-PlanResult $PlanStep 'would change' $dn }",
      ];
    }
    case "reminder":
      return [`Add-PlanResult $PlanStep 'by hand' ${psString(step.changes)}`];
    case "planGap":
      return [`Add-PlanResult $PlanStep 'not done' ${psString(step.changes)}`];
  }
}

function renderStep(step: Step, index: number, part: Part): string[] {
  // The titles of the steps not run yet, from $PlanSteps (the part's list of step titles).
  const later = `@($PlanSteps | Select-Object -Skip ${index + 1})`;
  const fromHere = `@($PlanSteps | Select-Object -Skip ${index})`;
  return [
    comment(`Step ${index + 1} of ${part.steps.length}: ${step.title}`),
    comment(`Changes: ${step.changes}`),
    comment(`Checks: ${step.verifies}`),
    ...[...new Set(step.cites.map(citeComment))],
    `$PlanStep = ${psString(step.title)}`,
    "try {",
    ...indent(stepBody(step, part, later), 1),
    "} catch {",
    `    Complete-PlanPart -Left ${fromHere} -Reason ('{0}: not done: {1}' -f $PlanStep, $_.Exception.Message) -Code 1`,
    "}",
    "",
  ];
}

function placeCheck(part: Part): string {
  const where = part.where;
  return where.kind === "forestMachine"
    ? `$PlanPlaceProblem = Test-PlanForest ${psValue.fqdn(where.forest)}`
    : `$PlanPlaceProblem = Test-PlanComputer ${psArray(where.computers.map((computer) => psValue.computerName(computer).slice(1, -1)))} ${psValue.fqdn(where.domain)}`;
}

function renderPart(part: Part, index: number, total: number): string[] {
  partDomainLists.delete(part);
  // Rendered first: the steps decide which domain lists the part defines.
  const steps = part.steps.flatMap((step, stepIndex) => renderStep(step, stepIndex, part));
  const who = whoText(part.who);
  const where = whereText(part.where);
  const when = whenText(part);
  return [
    "# ===========================================================================",
    comment(`Part ${index + 1} of ${total}: ${part.id}`),
    comment(part.title),
    comment(`Who:   ${who}`),
    comment(`Where: ${where}`),
    comment(`When:  ${when}`),
    ...part.before.map((fact) => comment(`First: ${fact.text}`)),
    "# ===========================================================================",
    `if ($Part -eq ${psLiteral(part.id)}) {`,
    ...indent(
      [
        `Write-Host ('Part {0}: {1}' -f $Part, ${psString(part.title)})`,
        `Write-Host ${psString(`Run by ${who}; on ${where}; ${when}.`)}`,
        ...(part.modules.includes("activeDirectory") ? ["Import-Module ActiveDirectory"] : []),
        "# The guard: nothing below runs unless this is the right place and the right person.",
        placeCheck(part),
        `if ($PlanPlaceProblem) { throw ('Part {0} did not start: {1} Run it on {2}. Nothing was changed.' -f $Part, $PlanPlaceProblem, ${psString(where)}) }`,
        `if (-not (Test-PlanCaller ${whoSpec(part.who)})) {`,
        `    throw ('Part {0} did not start: the account running it is not {1} (or the window is not elevated). Nothing was changed.' -f $Part, ${psString(who)})`,
        "}",
        ...(part.modules.includes("adSyncConfig") ? ["Import-PlanAdSyncConfig"] : []),
        ...(part.modules.includes("cloudSync") ? ["Import-PlanCloudSync"] : []),
        `$PlanSteps = ${psArray(part.steps.map((step) => step.title))}`,
        ...domainListDefinitions(part),
        "",
        ...steps,
        "Complete-PlanPart",
      ],
      1,
    ),
    "}",
    "",
  ];
}

function header(day: InstallDay, info: ScriptInfo, parts: readonly Part[]): string[] {
  const afterIndex = parts.findIndex((part) => part.when === "afterWizard");
  // Help text sits in a <# #> block: no line of it may close the block early.
  const help = (text: string) => asciiComment(text).replaceAll("#>", "# >");
  const order = parts.flatMap((part, index) => [
    ...(index === afterIndex && day.wizard ? [`    Then: ${help(day.wizard.title)}.`] : []),
    `    ${index + 1}. -Part ${part.id}`,
    `       ${help(part.title)}`,
    `       Who: ${help(whoText(part.who))}`,
    `       Where: ${help(whereText(part.where))}`,
  ]);
  return [
    "<#",
    ".SYNOPSIS",
    "    Install-day script generated by the Entra sync account planner.",
    ".DESCRIPTION",
    "    Each part prepares Active Directory for one place and one person: run it with -Part, there,",
    "    as that person, in the order below. A part checks the forest or computer it runs on and the",
    "    groups in your Windows token first, and changes nothing when either is wrong. It adds and",
    "    never replaces, checks each change by reading it back, and is safe to run twice: what is",
    "    there already is reported as \"already present\". The last lines of a run list what is done",
    "    and what is not; the exit code is 0 only when everything is done.",
    "    Run a part with -WhatIf first: it lists every change without making one.",
    "    No password is stored here: credentials are asked for when needed and never written.",
    "",
    "    Run order:",
    ...order,
    ".PARAMETER Part",
    "    The part to run (see the run order above).",
    ".PARAMETER ConnectorAccount",
    "    Only for a part that looks up the connector the Connect wizard created: its sAMAccountName,",
    "    when more than one MSOL_ account is found.",
    "#>",
  ];
}

/** The script text for some or all parts of install day; CRLF line ends, printable ASCII only. */
export function renderInstallDayScript(day: InstallDay, info: ScriptInfo, only?: Part): string {
  const parts = only ? [only] : day.parts;
  if (parts.length === 0) {
    return [
      comment(`Install-day script for ${info.organisation}: the plan has no install-day parts yet (choose a tool and describe the environment).`),
      "Write-Host 'This plan has nothing to prepare in Active Directory yet.'",
      "",
    ].join("\r\n");
  }
  const partIds = parts.map((part) => psLiteral(part.id)).join(", ");
  const byForest = new Map<string, string[]>();
  for (const part of day.parts) {
    const forest = part.where.kind === "forestMachine" ? part.where.forest : undefined;
    if (forest) byForest.set(forest, [...(byForest.get(forest) ?? []), part.id]);
  }
  const lines = [
    ...header(day, info, parts),
    "#Requires -Version 5.1",
    "#Requires -RunAsAdministrator",
    "[CmdletBinding(SupportsShouldProcess = $true)]",
    "param(",
    ...(only ? [`    [ValidateSet(${partIds})]`, `    [string] $Part = ${psLiteral(only.id)},`] : ["    [Parameter(Mandatory = $true)]", `    [ValidateSet(${partIds})]`, "    [string] $Part,"]),
    "",
    "    [string] $ConnectorAccount = ''",
    ")",
    "",
    "$ErrorActionPreference = 'Stop'",
    "",
    "# ---------------------------------------------------------------------------",
    "# The plan's values. Characters outside ASCII are written as [char] code points,",
    "# so this file reads the same in Windows PowerShell 5.1 and PowerShell 7.",
    "$PlanInfo = [ordered]@{",
    `    Organisation = ${psValue.text(info.organisation)}`,
    `    PreparedBy   = ${psValue.text(info.preparer)}`,
    `    Updated      = ${psValue.text(info.updated)}`,
    `    Tool         = ${psValue.text(info.tool)}`,
    "}",
    `$PlanCredentialPattern = ${psLiteral(CREDENTIAL_PATTERN)}`,
    "$PlanPartsByForest = @{",
    ...[...byForest].map(([forest, ids]) => `    ${psValue.fqdn(forest)} = ${psLiteral(ids.join(", "))}`),
    "}",
    "Write-Host ('Install day for {0} ({1}), planned by {2} on {3}.' -f $PlanInfo.Organisation, $PlanInfo.Tool, $PlanInfo.PreparedBy, $PlanInfo.Updated)",
    "",
    ...PRELUDE_FUNCTIONS,
    "",
    ...parts.flatMap((part) => renderPart(part, day.parts.indexOf(part), day.parts.length)),
    "throw ('Unknown part {0}' -f $Part)",
    "",
  ];
  return lines.join("\r\n");
}

function scriptInfo(plan: Plan): ScriptInfo {
  return {
    organisation: plan.environment?.organisation.name ?? "",
    preparer: plan.environment?.organisation.preparer ?? "",
    updated: plan.updatedAt.slice(0, 10),
    tool: plan.tool ? TOOL_LABELS[plan.tool] : "",
  };
}

/** The install-day script holding every part, each chosen with -Part. */
export function planToPowerShell(plan: Plan): string {
  return renderInstallDayScript(installDay(plan), scriptInfo(plan));
}

/** That script as the file's bytes: a UTF-8 byte order mark, then ASCII. */
export function planToPowerShellFile(plan: Plan): Uint8Array {
  return powerShellFileBytes(planToPowerShell(plan));
}

export interface ScriptFile {
  fileName: string;
  /** The part the file holds; none for the script with every part. */
  part?: Part;
  /** Position in the run order, from 1; 0 for the script with every part. */
  order: number;
  text: string;
  bytes: Uint8Array;
  sha256: string;
}

/** The script with every part, then one file per part in run order, with their SHA-256. */
export function planScriptFiles(plan: Plan): ScriptFile[] {
  const day = installDay(plan);
  const info = scriptInfo(plan);
  const file = (fileName: string, order: number, text: string, part?: Part): ScriptFile => {
    const bytes = powerShellFileBytes(text);
    return { fileName, part, order, text, bytes, sha256: sha256Hex(bytes) };
  };
  const base = exportFileName(plan, "ps1").replace(/\.ps1$/, "");
  return [
    file(`${base}.ps1`, 0, renderInstallDayScript(day, info)),
    ...day.parts.map((part, index) => file(`${String(index + 1).padStart(2, "0")}-${part.id}.ps1`, index + 1, renderInstallDayScript(day, info, part), part)),
  ];
}
