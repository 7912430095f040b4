import { WELL_KNOWN_GROUPS } from "@/lib/catalog/install-day";
import { asciiComment, psLiteral, psString } from "@/lib/export/powershell-literal";
import { powerShellFileBytes } from "@/lib/export/script-bytes";
import { sha256Hex } from "@/lib/export/sha256";
import type { Plan } from "@/lib/plan";
import { PREFLIGHT_FACTS_KIND, PREFLIGHT_FACTS_SCHEMA_VERSION, type PrivilegedGroup } from "./facts-schema";
import { preflightTargets, targetFingerprint, type ForestTarget, type PreflightTarget, type ServerTarget } from "./targets";

/**
 * The pre-flight collectors as PowerShell: one script per forest and per sync
 * server, written from lib/preflight/targets.ts. A collector only reads: it
 * runs Get-* cmdlets, reads registry values and writes one JSON file in the
 * schema of facts-schema.ts. It judges nothing; the planner's Check step does.
 *
 * To keep what it writes provable from its syntax tree, every value of every
 * output object is a literal, a Format-Preflight* / Get-PreflightRegistry*
 * call (which return only strings, numbers, booleans or null), or another
 * output object built the same way: a raw Active Directory or KDS object never
 * reaches ConvertTo-Json. Plan values appear only as ASCII expressions (psString):
 * data in single quotes, never code, so no value needs to pass a format check here.
 */

/** Well-known groups found in an account's tokenGroups, by where their SID comes from. */
const PRIVILEGED_SIDS: {
  domain: Partial<Record<number, PrivilegedGroup>>;
  forestRoot: Partial<Record<number, PrivilegedGroup>>;
  builtin: Partial<Record<string, PrivilegedGroup>>;
} = {
  domain: { [WELL_KNOWN_GROUPS.domainAdminsRid]: "Domain Admins", 525: "Protected Users", 526: "Key Admins" },
  forestRoot: { [WELL_KNOWN_GROUPS.enterpriseAdminsRid]: "Enterprise Admins", 518: "Schema Admins", 527: "Enterprise Key Admins" },
  builtin: { [WELL_KNOWN_GROUPS.administratorsSid]: "Administrators", "S-1-5-32-548": "Account Operators", "S-1-5-32-549": "Server Operators", "S-1-5-32-550": "Print Operators", "S-1-5-32-551": "Backup Operators" },
};

/** Leftovers of an earlier attempt, by sAMAccountName prefix. */
const LEFTOVER_FILTER = "(|(sAMAccountName=MSOL_*)(sAMAccountName=Sync_*)(sAMAccountName=AZUREADSSOACC*))";

const comment = (text: string) => `# ${asciiComment(text)}`;

/** Who runs a collector: reading AdminSDHolder's entries and the KDS root keys needs a Domain or Enterprise Admin. */
export function collectorWho(target: PreflightTarget): string {
  return target.scope === "forest"
    ? `a Domain Admin or Enterprise Admin of the forest ${target.rootDomain} (reading AdminSDHolder's entries and the KDS root keys needs one)`
    : `a member of the local Administrators group of ${target.computer}`;
}

/** Where a collector runs. */
export function collectorWhere(target: PreflightTarget): string {
  return target.scope === "forest"
    ? `a domain-joined machine of the forest ${target.rootDomain} with the Active Directory module (RSAT-AD-PowerShell), such as a domain controller`
    : `${target.computer} itself (joined to ${target.domain}), in 64-bit Windows PowerShell 5.1`;
}

/** RFC 4515 escaping for a value inside an LDAP filter. */
function ldapValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (character) => `\\${character.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

function hashtableLiteral(entries: Record<string, string>): string {
  return `@{ ${Object.entries(entries)
    .map(([key, value]) => `${key} = ${value}`)
    .join("; ")} }`;
}

function numberMap(map: Partial<Record<number | string, string>>): string {
  return `@{ ${Object.entries(map)
    .map(([key, value]) => `${psLiteral(key)} = ${psLiteral(value!)}`)
    .join("; ")} }`;
}

/** Helpers both kinds of collector define: each returns a string, a number, a boolean or null, never the object it was given. */
const FORMAT_FUNCTIONS: readonly string[] = [
  "function Format-PreflightText {",
  "    param($Value)",
  "    if ($null -eq $Value) { return $null }",
  "    return [string] $Value",
  "}",
  "",
  "function Format-PreflightInt {",
  "    param($Value)",
  "    if ($null -eq $Value) { return $null }",
  "    return [long] $Value",
  "}",
  "",
  "function Format-PreflightBool {",
  "    param($Value)",
  "    if ($null -eq $Value) { return $null }",
  "    return [bool] $Value",
  "}",
  "",
  "# Times as ISO 8601 in UTC, like 2026-11-26T10:00:00.0000000Z (ConvertTo-Json would write /Date(...)/).",
  "function Format-PreflightTime {",
  "    param($Value)",
  "    if ($null -eq $Value) { return $null }",
  "    return ([datetime] $Value).ToUniversalTime().ToString('o')",
  "}",
  "",
  "# Enabled unless userAccountControl has ACCOUNTDISABLE (2); null for objects without it, such as groups.",
  "function Format-PreflightEnabled {",
  "    param($UserAccountControl)",
  "    if ($null -eq $UserAccountControl) { return $null }",
  "    return (([long] $UserAccountControl -band 2) -eq 0)",
  "}",
  "",
  "function Format-PreflightTextList {",
  "    param($Values)",
  "    $texts = @()",
  "    foreach ($value in @($Values)) { if ($null -ne $value) { $texts += (Format-PreflightText $value) } }",
  "    return $texts",
  "}",
  "",
  "# A fact this run could not read, and why; the JSON file lists them.",
  "$Unreadable = @()",
  "function Add-PreflightUnreadable {",
  "    param([string] $About, [string] $Fact, $ErrorRecord)",
  "    $script:Unreadable += [pscustomobject] @{ about = (Format-PreflightText $About); fact = (Format-PreflightText $Fact); message = (Format-PreflightText $ErrorRecord.Exception.Message) }",
  "    Write-Host ('  could not read {0}: {1}' -f $Fact, $ErrorRecord.Exception.Message)",
  "}",
];

function header(target: PreflightTarget, lines: readonly string[]): string[] {
  return [
    comment(`Pre-flight collector ${target.id} for ${target.organisation} (${target.tool === "connect" ? "Microsoft Entra Connect" : "Microsoft Entra Cloud Sync"}).`),
    comment("Generated by the account planner from the plan. It only reads: it runs Get-* cmdlets and reads registry values, changes nothing,"),
    comment("and collects no password, key or secret. It writes one JSON file; bring that file back to the planner's Check step."),
    comment("Run it again at any time, before or after install day: each run writes a new file with the time it was collected."),
    ...lines.map(comment),
    "#Requires -Version 5.1",
  ];
}

/** The facts file's common part, then the file written next to where the collector runs. */
function writeFacts(target: PreflightTarget, scopeKey: "forest" | "server", scopeVariable: string): string[] {
  return [
    "",
    "$ranByDomain = Get-PreflightRegistryText 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters' 'Domain'",
    "if ($null -eq $ranByDomain) { $ranByDomain = '' }",
    "$facts = [pscustomobject] @{",
    `    kind = ${psLiteral(PREFLIGHT_FACTS_KIND)}`,
    `    schemaVersion = ${PREFLIGHT_FACTS_SCHEMA_VERSION}`,
    "    collectedAt = (Format-PreflightTime (Get-Date))",
    "    ranBy = [pscustomobject] @{",
    "        computer = (Format-PreflightText $env:COMPUTERNAME)",
    "        domain = $ranByDomain",
    "        userName = (Format-PreflightText ($env:USERDOMAIN + '\\' + $env:USERNAME))",
    "    }",
    "    plan = [pscustomobject] @{",
    `        organisation = ${psString(target.organisation)}`,
    `        tool = ${psLiteral(target.tool)}`,
    `        collectorId = ${psLiteral(target.id)}`,
    `        fingerprint = ${psLiteral(targetFingerprint(target))}`,
    "    }",
    "    unreadable = @($Unreadable)",
    `    scope = ${psLiteral(scopeKey)}`,
    `    ${scopeKey} = ${scopeVariable}`,
    "}",
    "",
    "if (-not $OutFile) { $OutFile = Join-Path -Path $PWD -ChildPath " + psLiteral(`${target.id}.json`) + " }",
    "$facts | ConvertTo-Json -Depth 12 | Out-File -LiteralPath $OutFile -Encoding utf8",
    "Write-Host ('Wrote {0} ({1} fact(s) could not be read). Bring it back to the Check step of the planner.' -f $OutFile, $Unreadable.Count)",
    "",
  ];
}

const REGISTRY_FUNCTIONS: readonly string[] = [
  "",
  "# A registry value, or null when it is not set.",
  "function Get-PreflightRegistryText {",
  "    param([string] $Path, [string] $Name)",
  "    try { return (Format-PreflightText (Get-ItemPropertyValue -LiteralPath $Path -Name $Name -ErrorAction Stop)) } catch { return $null }",
  "}",
  "",
  "function Get-PreflightRegistryInt {",
  "    param([string] $Path, [string] $Name)",
  "    try { return (Format-PreflightInt (Get-ItemPropertyValue -LiteralPath $Path -Name $Name -ErrorAction Stop)) } catch { return $null }",
  "}",
];

function renderForest(target: ForestTarget): string {
  const accounts = target.accounts.map((account) =>
    hashtableLiteral({
      AccountKey: psString(account.accountKey),
      PlannedName: psString(account.name),
      PlannedDomain: psString(account.domain),
      PlannedKind: psLiteral(account.objectKind),
      PlannedCreator: psLiteral(account.createdBy),
      PlannedFilter: account.name ? psString(`(sAMAccountName=${ldapValue(account.name)})`) : "''",
    }),
  );
  const computers = target.computers.map((computer) =>
    hashtableLiteral({
      PlannedName: psString(computer.name),
      PlannedDomain: psString(computer.domain),
      PlannedFilter: psString(`(&(objectCategory=computer)(sAMAccountName=${ldapValue(computer.name)}$))`),
    }),
  );
  const trustees = target.trustees.map((trustee) => hashtableLiteral({ PlannedAccount: psString(trustee.plannedAccount), MatchKind: psLiteral(trustee.match) }));
  const list = (items: string[]) => (items.length ? ["@(", ...items.map((item, index) => `    ${item}${index < items.length - 1 ? "," : ""}`), ")"] : ["@()"]);

  return [
    ...header(target, [
      `Who: ${collectorWho(target)}.`,
      `Where: ${collectorWhere(target)}.`,
      `Reads: the forest and domain functional levels, the schema version, domain controllers, whether a KDS root key exists and since when,`,
      "the planned accounts and hosts, the entries naming the planned connector accounts on each domain root and AdminSDHolder,",
      "and MSOL_, Sync_ and AZUREADSSOACC objects left from earlier attempts. Accounts the wizard or installer creates are reported as not created yet.",
    ]),
    "#Requires -Modules ActiveDirectory",
    "[CmdletBinding()]",
    "param([string] $OutFile = '')",
    "",
    "$ErrorActionPreference = 'Stop'",
    `$PlanForest = ${psString(target.rootDomain)}`,
    `$PlanDomains = @(${target.domains.map((domain) => psString(domain)).join(", ")})`,
    comment("The plan's accounts in this forest (PlannedName empty: the wizard names it)."),
    `$PlanAccounts = ${list(accounts).join("\r\n")}`,
    comment("The hosts that retrieve a planned gMSA's password."),
    `$PlanComputers = ${list(computers).join("\r\n")}`,
    comment("The connector accounts whose entries on the domain roots and AdminSDHolder are collected."),
    `$PlanTrustees = ${list(trustees).join("\r\n")}`,
    comment("Well-known groups by SID (Security identifiers, Well-known SIDs)."),
    `$DomainRids = ${numberMap(PRIVILEGED_SIDS.domain)}`,
    `$ForestRootRids = ${numberMap(PRIVILEGED_SIDS.forestRoot)}`,
    `$BuiltinSids = ${numberMap(PRIVILEGED_SIDS.builtin)}`,
    "Write-Host ('Pre-flight of the forest {0}: reading only, nothing is changed.' -f $PlanForest)",
    "",
    ...FORMAT_FUNCTIONS,
    ...REGISTRY_FUNCTIONS,
    "",
    "# The entries on one object that name a planned connector account: DOMAIN\\name compared by name, or by the wizard's prefix.",
    "function Get-PreflightAce {",
    "    param([string] $Server, [string] $DistinguishedName, [string] $About, [string] $Fact)",
    "    $aces = @()",
    "    try {",
    "        $object = Get-ADObject -Identity $DistinguishedName -Server $Server -Properties @('nTSecurityDescriptor')",
    "        foreach ($rule in @($object.nTSecurityDescriptor.GetAccessRules($true, $true, [System.Security.Principal.NTAccount]))) {",
    "            $identity = Format-PreflightText $rule.IdentityReference",
    "            $leaf = $identity -replace '^.*\\\\', ''",
    "            foreach ($trustee in $PlanTrustees) {",
    "                $named = ($trustee.MatchKind -eq 'name' -and $leaf -eq $trustee.PlannedAccount) -or ($trustee.MatchKind -eq 'prefix' -and $leaf -like ($trustee.PlannedAccount + '*'))",
    "                if ($named) {",
    "                    $aces += [pscustomobject] @{",
    "                        identity = $identity",
    "                        plannedAccount = (Format-PreflightText $trustee.PlannedAccount)",
    "                        accessControlType = (Format-PreflightText $rule.AccessControlType)",
    "                        rights = (Format-PreflightText $rule.ActiveDirectoryRights)",
    "                        objectType = (Format-PreflightText $rule.ObjectType)",
    "                        inheritedObjectType = (Format-PreflightText $rule.InheritedObjectType)",
    "                        inheritanceType = (Format-PreflightText $rule.InheritanceType)",
    "                        isInherited = (Format-PreflightBool $rule.IsInherited)",
    "                    }",
    "                }",
    "            }",
    "        }",
    "    } catch { Add-PreflightUnreadable $About $Fact $_ }",
    "    return $aces",
    "}",
    "",
    "# Forest: its name and functional level, the schema's objectVersion, the KDS root keys' effective times.",
    "$forestName = $null",
    "$forestMode = $null",
    "$schemaObjectVersion = $null",
    "$rootDomainSid = ''",
    "try {",
    "    $forest = Get-ADForest -Identity $PlanForest -Server $PlanForest",
    "    $forestName = Format-PreflightText $forest.Name",
    "    $forestMode = Format-PreflightText $forest.ForestMode",
    "} catch { Add-PreflightUnreadable 'forest' 'the forest' $_ }",
    "try {",
    "    $rootDse = Get-ADRootDSE -Server $PlanForest",
    "    $schema = Get-ADObject -Identity $rootDse.schemaNamingContext -Server $PlanForest -Properties @('objectVersion')",
    "    $schemaObjectVersion = Format-PreflightInt $schema.objectVersion",
    "} catch { Add-PreflightUnreadable 'schemaObjectVersion' 'the schema version' $_ }",
    "$kdsRootKeys = @()",
    "try {",
    "    foreach ($rootKey in @(Get-KdsRootKey)) { $kdsRootKeys += [pscustomobject] @{ effectiveTime = (Format-PreflightTime $rootKey.EffectiveTime) } }",
    "} catch { Add-PreflightUnreadable 'kdsRootKeys' 'the KDS root keys' $_ }",
    "",
    "# Domains: mode, domain controllers, the entries naming planned connector accounts, leftovers.",
    "$domainSids = @{}",
    "$domainFacts = @()",
    "foreach ($domainName in $PlanDomains) {",
    "    $domainStatus = 'notFound'",
    "    $netBiosName = $null",
    "    $domainDn = $null",
    "    $domainMode = $null",
    "    $controllers = @()",
    "    $rootAces = @()",
    "    $adminSdHolderAces = @()",
    "    $leftovers = @()",
    "    try {",
    "        $domain = Get-ADDomain -Identity $domainName -Server $domainName",
    "        $domainStatus = 'found'",
    "        $netBiosName = Format-PreflightText $domain.NetBIOSName",
    "        $domainDn = Format-PreflightText $domain.DistinguishedName",
    "        $domainMode = Format-PreflightText $domain.DomainMode",
    "        $domainSids[$domainName] = Format-PreflightText $domain.DomainSID",
    "    } catch { Add-PreflightUnreadable ('domain:' + $domainName) ('the domain ' + $domainName) $_ }",
    "    if ($domainStatus -eq 'found') {",
    "        try {",
    "            foreach ($controller in @(Get-ADDomainController -Filter * -Server $domainName)) {",
    "                $controllers += [pscustomobject] @{",
    "                    hostName = (Format-PreflightText $controller.HostName)",
    "                    operatingSystem = (Format-PreflightText $controller.OperatingSystem)",
    "                    operatingSystemVersion = (Format-PreflightText $controller.OperatingSystemVersion)",
    "                    site = (Format-PreflightText $controller.Site)",
    "                }",
    "            }",
    "        } catch { Add-PreflightUnreadable ('domainControllers:' + $domainName) ('the domain controllers of ' + $domainName) $_ }",
    "        $rootAces = @(Get-PreflightAce $domainName $domainDn ('rootAces:' + $domainName) ('the entries on the root of ' + $domainName))",
    "        $adminSdHolderAces = @(Get-PreflightAce $domainName ('CN=AdminSDHolder,CN=System,' + $domainDn) ('adminSdHolderAces:' + $domainName) ('the entries on AdminSDHolder of ' + $domainName))",
    "        try {",
    `            foreach ($object in @(Get-ADObject -LDAPFilter ${psLiteral(LEFTOVER_FILTER)} -Server $domainName -Properties @('sAMAccountName', 'whenCreated', 'userAccountControl'))) {`,
    "                $leftovers += [pscustomobject] @{",
    "                    name = (Format-PreflightText $object.sAMAccountName)",
    "                    objectClass = (Format-PreflightText $object.ObjectClass)",
    "                    distinguishedName = (Format-PreflightText $object.DistinguishedName)",
    "                    whenCreated = (Format-PreflightTime $object.whenCreated)",
    "                    enabled = (Format-PreflightEnabled $object.userAccountControl)",
    "                }",
    "            }",
    "        } catch { Add-PreflightUnreadable ('leftovers:' + $domainName) ('the leftover objects of ' + $domainName) $_ }",
    "    }",
    "    $domainFacts += [pscustomobject] @{",
    "        name = (Format-PreflightText $domainName)",
    "        status = $domainStatus",
    "        netBiosName = $netBiosName",
    "        distinguishedName = $domainDn",
    "        domainMode = $domainMode",
    "        domainControllers = @($controllers)",
    "        rootAces = @($rootAces)",
    "        adminSdHolderAces = @($adminSdHolderAces)",
    "        leftovers = @($leftovers)",
    "    }",
    "}",
    "if ($domainSids.ContainsKey($PlanForest)) { $rootDomainSid = $domainSids[$PlanForest] }",
    "if (-not $rootDomainSid) {",
    "    $script:Unreadable += [pscustomobject] @{ about = 'forestRootSid'; fact = 'the forest root domain SID'; message = 'The forest root domain was not read: Enterprise Admins, Schema Admins and Enterprise Key Admins cannot be told apart in token groups.' }",
    "}",
    "",
    "# Planned accounts as they exist now; one the wizard or installer creates is 'not created yet' until it does.",
    "$accountFacts = @()",
    "foreach ($planned in $PlanAccounts) {",
    "    $accountStatus = 'notFound'",
    "    if ($planned.PlannedCreator -eq 'wizard') { $accountStatus = 'notCreatedYet' }",
    "    $accountDn = $null",
    "    $enabled = $null",
    "    $adminCount = $null",
    "    $userAccountControl = $null",
    "    $encryptionTypes = $null",
    "    $privilegedGroups = @()",
    "    $allowedPrincipals = @()",
    "    if ($planned.PlannedName) {",
    "        try {",
    "            $found = @(Get-ADObject -LDAPFilter $planned.PlannedFilter -Server $planned.PlannedDomain -Properties @('userAccountControl', 'adminCount', 'msDS-SupportedEncryptionTypes'))",
    "            if ($found.Count -gt 0) {",
    "                $account = $found[0]",
    "                $accountStatus = 'found'",
    "                $accountDn = Format-PreflightText $account.DistinguishedName",
    "                $enabled = Format-PreflightEnabled $account.userAccountControl",
    "                $adminCount = Format-PreflightInt $account.adminCount",
    "                $userAccountControl = Format-PreflightInt $account.userAccountControl",
    "                $encryptionTypes = Format-PreflightInt $account.'msDS-SupportedEncryptionTypes'",
    "            }",
    "        } catch { Add-PreflightUnreadable ('account:' + $planned.AccountKey) ('the account ' + $planned.PlannedName) $_ }",
    "    }",
    "    if ($accountStatus -eq 'found') {",
    "        try {",
    "            $tokens = Get-ADObject -Identity $accountDn -Server $planned.PlannedDomain -Properties @('tokenGroups')",
    "            $accountDomainSid = ''",
    "            if ($domainSids.ContainsKey($planned.PlannedDomain)) { $accountDomainSid = $domainSids[$planned.PlannedDomain] }",
    "            foreach ($sid in @(Format-PreflightTextList $tokens.tokenGroups)) {",
    "                $rid = $sid -replace '^.*-', ''",
    "                if ($BuiltinSids.ContainsKey($sid)) { $privilegedGroups += (Format-PreflightText $BuiltinSids[$sid]) }",
    "                elseif ($accountDomainSid -and $sid -eq ($accountDomainSid + '-' + $rid) -and $DomainRids.ContainsKey($rid)) { $privilegedGroups += (Format-PreflightText $DomainRids[$rid]) }",
    "                elseif ($rootDomainSid -and $sid -eq ($rootDomainSid + '-' + $rid) -and $ForestRootRids.ContainsKey($rid)) { $privilegedGroups += (Format-PreflightText $ForestRootRids[$rid]) }",
    "            }",
    "        } catch { Add-PreflightUnreadable ('groups:' + $planned.AccountKey) ('the groups of ' + $planned.PlannedName) $_ }",
    "        if ($planned.PlannedKind -eq 'gmsa') {",
    "            try {",
    "                $gmsa = Get-ADServiceAccount -Identity $accountDn -Server $planned.PlannedDomain -Properties @('PrincipalsAllowedToRetrieveManagedPassword')",
    "                foreach ($principalDn in @(Format-PreflightTextList $gmsa.PrincipalsAllowedToRetrieveManagedPassword)) {",
    "                    $principalName = $null",
    "                    $principalClass = $null",
    "                    try {",
    "                        $principal = Get-ADObject -Identity $principalDn -Server $planned.PlannedDomain",
    "                        $principalName = Format-PreflightText $principal.Name",
    "                        $principalClass = Format-PreflightText $principal.ObjectClass",
    "                    } catch { Add-PreflightUnreadable ('allowedPrincipals:' + $planned.AccountKey) ('the principal ' + $principalDn) $_ }",
    "                    $allowedPrincipals += [pscustomobject] @{ distinguishedName = (Format-PreflightText $principalDn); name = $principalName; objectClass = $principalClass }",
    "                }",
    "            } catch { Add-PreflightUnreadable ('allowedPrincipals:' + $planned.AccountKey) ('who may retrieve the password of ' + $planned.PlannedName) $_ }",
    "        }",
    "    }",
    "    $accountFacts += [pscustomobject] @{",
    "        accountKey = (Format-PreflightText $planned.AccountKey)",
    "        name = (Format-PreflightText $planned.PlannedName)",
    "        domain = (Format-PreflightText $planned.PlannedDomain)",
    "        objectKind = (Format-PreflightText $planned.PlannedKind)",
    "        createdBy = (Format-PreflightText $planned.PlannedCreator)",
    "        status = $accountStatus",
    "        distinguishedName = $accountDn",
    "        enabled = $enabled",
    "        adminCount = $adminCount",
    "        userAccountControl = $userAccountControl",
    "        supportedEncryptionTypes = $encryptionTypes",
    "        privilegedGroups = @($privilegedGroups)",
    "        allowedPrincipals = @($allowedPrincipals)",
    "    }",
    "}",
    "",
    "# The planned gMSA hosts and their direct groups (a gMSA may allow a group).",
    "$computerFacts = @()",
    "foreach ($plannedComputer in $PlanComputers) {",
    "    $computerStatus = 'notFound'",
    "    $computerDn = $null",
    "    $memberOf = @()",
    "    try {",
    "        $found = @(Get-ADObject -LDAPFilter $plannedComputer.PlannedFilter -Server $plannedComputer.PlannedDomain -Properties @('memberOf'))",
    "        if ($found.Count -gt 0) {",
    "            $computerStatus = 'found'",
    "            $computerDn = Format-PreflightText $found[0].DistinguishedName",
    "            $memberOf = @(Format-PreflightTextList $found[0].memberOf)",
    "        }",
    "    } catch { Add-PreflightUnreadable ('computer:' + $plannedComputer.PlannedName) ('the computer ' + $plannedComputer.PlannedName) $_ }",
    "    $computerFacts += [pscustomobject] @{",
    "        name = (Format-PreflightText $plannedComputer.PlannedName)",
    "        domain = (Format-PreflightText $plannedComputer.PlannedDomain)",
    "        status = $computerStatus",
    "        distinguishedName = $computerDn",
    "        memberOf = @($memberOf)",
    "    }",
    "}",
    "",
    "$forestFacts = [pscustomobject] @{",
    "    plannedName = (Format-PreflightText $PlanForest)",
    "    name = $forestName",
    "    forestMode = $forestMode",
    "    schemaObjectVersion = $schemaObjectVersion",
    "    kdsRootKeys = @($kdsRootKeys)",
    "    domains = @($domainFacts)",
    "    accounts = @($accountFacts)",
    "    computers = @($computerFacts)",
    "}",
    ...writeFacts(target, "forest", "$forestFacts"),
  ].join("\r\n");
}

function renderServer(target: ServerTarget): string {
  const agentHost = target.role === "agentHost";
  const lsa = "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa";
  return [
    ...header(target, [
      `Who: ${collectorWho(target)}.`,
      `Where: ${collectorWhere(target)}.`,
      "Reads: the Windows version and edition (Server Core or not), the .NET Framework release, the TLS 1.2 registry settings,",
      `the PowerShell version and execution policies, the local Administrators group, the Credential Manager service${agentHost ? " and the NTLM settings" : ""}.`,
    ]),
    "[CmdletBinding()]",
    "param([string] $OutFile = '')",
    "",
    "$ErrorActionPreference = 'Stop'",
    `$PlanComputer = ${psString(target.computer)}`,
    "Write-Host ('Pre-flight of the server {0}: reading only, nothing is changed.' -f $PlanComputer)",
    "",
    ...FORMAT_FUNCTIONS,
    ...REGISTRY_FUNCTIONS,
    "",
    "$currentVersion = 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'",
    "$os = [pscustomobject] @{",
    "    productName = (Get-PreflightRegistryText $currentVersion 'ProductName')",
    "    editionId = (Get-PreflightRegistryText $currentVersion 'EditionID')",
    "    installationType = (Get-PreflightRegistryText $currentVersion 'InstallationType')",
    "    currentBuild = (Get-PreflightRegistryText $currentVersion 'CurrentBuild')",
    "    ubr = (Get-PreflightRegistryInt $currentVersion 'UBR')",
    "}",
    "",
    comment("TLS 1.2: the registry values of 'TLS 1.2 enforcement for Microsoft Entra Connect'."),
    "$netFramework64 = 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319'",
    "$netFramework32 = 'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319'",
    "$schannel = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2'",
    "$tls12 = [pscustomobject] @{",
    "    netFramework64 = [pscustomobject] @{ systemDefaultTlsVersions = (Get-PreflightRegistryInt $netFramework64 'SystemDefaultTlsVersions'); schUseStrongCrypto = (Get-PreflightRegistryInt $netFramework64 'SchUseStrongCrypto') }",
    "    netFramework32 = [pscustomobject] @{ systemDefaultTlsVersions = (Get-PreflightRegistryInt $netFramework32 'SystemDefaultTlsVersions'); schUseStrongCrypto = (Get-PreflightRegistryInt $netFramework32 'SchUseStrongCrypto') }",
    "    schannelServer = [pscustomobject] @{ enabled = (Get-PreflightRegistryInt ($schannel + '\\Server') 'Enabled'); disabledByDefault = (Get-PreflightRegistryInt ($schannel + '\\Server') 'DisabledByDefault') }",
    "    schannelClient = [pscustomobject] @{ enabled = (Get-PreflightRegistryInt ($schannel + '\\Client') 'Enabled'); disabledByDefault = (Get-PreflightRegistryInt ($schannel + '\\Client') 'DisabledByDefault') }",
    "}",
    "",
    "$executionPolicy = [pscustomobject] @{",
    "    effective = (Format-PreflightText (Get-ExecutionPolicy))",
    "    machinePolicy = (Format-PreflightText (Get-ExecutionPolicy -Scope MachinePolicy))",
    "    userPolicy = (Format-PreflightText (Get-ExecutionPolicy -Scope UserPolicy))",
    "    process = (Format-PreflightText (Get-ExecutionPolicy -Scope Process))",
    "    currentUser = (Format-PreflightText (Get-ExecutionPolicy -Scope CurrentUser))",
    "    localMachine = (Format-PreflightText (Get-ExecutionPolicy -Scope LocalMachine))",
    "}",
    "",
    "$administrators = @()",
    "try {",
    `    foreach ($member in @(Get-LocalGroupMember -SID ${psLiteral(WELL_KNOWN_GROUPS.administratorsSid)})) {`,
    "        $administrators += [pscustomobject] @{ name = (Format-PreflightText $member.Name); objectClass = (Format-PreflightText $member.ObjectClass); principalSource = (Format-PreflightText $member.PrincipalSource) }",
    "    }",
    "} catch { Add-PreflightUnreadable 'localAdministrators' 'the local Administrators group' $_ }",
    "",
    "$credentialStatus = $null",
    "$credentialStartType = $null",
    "try {",
    "    $vault = Get-Service -Name 'VaultSvc'",
    "    $credentialStatus = Format-PreflightText $vault.Status",
    "    $credentialStartType = Format-PreflightText $vault.StartType",
    "} catch { Add-PreflightUnreadable 'credentialManager' 'the Credential Manager service' $_ }",
    "",
    ...(agentHost
      ? [
          comment("NTLM: the provisioning agent's host should not allow it (Cloud Sync prerequisites, NTLM requirement)."),
          `$lsa = ${psLiteral(lsa)}`,
          "$ntlm = [pscustomobject] @{",
          "    lmCompatibilityLevel = (Get-PreflightRegistryInt $lsa 'LmCompatibilityLevel')",
          "    restrictSendingNtlmTraffic = (Get-PreflightRegistryInt ($lsa + '\\MSV1_0') 'RestrictSendingNTLMTraffic')",
          "    restrictReceivingNtlmTraffic = (Get-PreflightRegistryInt ($lsa + '\\MSV1_0') 'RestrictReceivingNTLMTraffic')",
          "    ntlmMinClientSec = (Get-PreflightRegistryInt ($lsa + '\\MSV1_0') 'NtlmMinClientSec')",
          "    ntlmMinServerSec = (Get-PreflightRegistryInt ($lsa + '\\MSV1_0') 'NtlmMinServerSec')",
          "}",
        ]
      : [comment("A Connect server: NTLM settings are collected on Cloud Sync agent hosts only."), "$ntlm = $null"]),
    "",
    "$serverFacts = [pscustomobject] @{",
    "    plannedName = (Format-PreflightText $PlanComputer)",
    `    role = ${psLiteral(target.role)}`,
    "    os = $os",
    "    dotNetRelease = (Get-PreflightRegistryInt 'HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full' 'Release')",
    "    tls12 = $tls12",
    "    powerShell = [pscustomobject] @{ version = (Format-PreflightText $PSVersionTable.PSVersion); executionPolicy = $executionPolicy }",
    "    localAdministrators = @($administrators)",
    "    credentialManager = [pscustomobject] @{ status = $credentialStatus; startType = $credentialStartType }",
    "    ntlm = $ntlm",
    "}",
    ...writeFacts(target, "server", "$serverFacts"),
  ].join("\r\n");
}

/** One collector's script text. */
export function renderCollector(target: PreflightTarget): string {
  return target.scope === "forest" ? renderForest(target) : renderServer(target);
}

export interface CollectorFile {
  fileName: string;
  target: PreflightTarget;
  text: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Every collector of the plan as a .ps1 file: a UTF-8 byte order mark, then ASCII. */
export function collectorFiles(plan: Plan): CollectorFile[] {
  return preflightTargets(plan).map((target) => {
    const text = renderCollector(target);
    const bytes = powerShellFileBytes(text);
    return { fileName: `${target.id}.ps1`, target, text, bytes, sha256: sha256Hex(bytes) };
  });
}
