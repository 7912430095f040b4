/**
 * What the pre-flight collectors use, each with the Microsoft Learn page that
 * documents it: the commands they run, the properties they read from what those
 * commands return (and the attributes they ask Active Directory for), the
 * registry values they read, and the few read-only .NET methods they call. tests/unit/preflight-collector.test.ts
 * checks that this table and the collectors' syntax trees name the same things.
 */

const LEARN = "https://learn.microsoft.com/en-us/";
const ad = (cmdlet: string) => `${LEARN}powershell/module/activedirectory/${cmdlet.toLowerCase()}`;
const attribute = (page: string) => `${LEARN}windows/win32/adschema/${page}`;
const dotnet = (member: string) => `${LEARN}dotnet/api/${member.toLowerCase()}`;
const management = (cmdlet: string) => `${LEARN}powershell/module/microsoft.powershell.management/${cmdlet.toLowerCase()}`;
const utility = (cmdlet: string) => `${LEARN}powershell/module/microsoft.powershell.utility/${cmdlet.toLowerCase()}`;

/** Commands the collectors run, none of which changes anything. */
export const COLLECTOR_COMMANDS: Readonly<Record<string, string>> = {
  "Get-ADForest": ad("Get-ADForest"),
  "Get-ADRootDSE": ad("Get-ADRootDSE"),
  "Get-ADObject": ad("Get-ADObject"),
  "Get-ADDomain": ad("Get-ADDomain"),
  "Get-ADDomainController": ad("Get-ADDomainController"),
  "Get-ADServiceAccount": ad("Get-ADServiceAccount"),
  "Get-KdsRootKey": `${LEARN}powershell/module/kds/get-kdsrootkey`,
  "Get-ItemPropertyValue": management("Get-ItemPropertyValue"),
  "Get-Service": management("Get-Service"),
  "Get-LocalGroupMember": `${LEARN}powershell/module/microsoft.powershell.localaccounts/get-localgroupmember`,
  "Get-ExecutionPolicy": `${LEARN}powershell/module/microsoft.powershell.security/get-executionpolicy`,
  "Get-Date": utility("Get-Date"),
  "ConvertTo-Json": utility("ConvertTo-Json"),
  "Out-File": utility("Out-File"),
  "Write-Host": utility("Write-Host"),
  "Join-Path": management("Join-Path"),
};

/**
 * Properties read from what the commands return, and the attributes named in
 * -Properties; PowerShell matches member names without regard to case.
 */
export const COLLECTOR_PROPERTIES: Readonly<Record<string, string>> = {
  // Get-ADForest, Get-ADDomain, Get-ADDomainController: their output objects' properties.
  Name: ad("Get-ADForest"),
  ForestMode: ad("Get-ADForest"),
  NetBIOSName: ad("Get-ADDomain"),
  DomainMode: ad("Get-ADDomain"),
  DomainSID: ad("Get-ADDomain"),
  HostName: ad("Get-ADDomainController"),
  OperatingSystem: ad("Get-ADDomainController"),
  OperatingSystemVersion: ad("Get-ADDomainController"),
  Site: ad("Get-ADDomainController"),
  // RootDSE and directory attributes.
  schemaNamingContext: attribute("rootdse"),
  objectVersion: attribute("a-objectversion"),
  DistinguishedName: attribute("a-distinguishedname"),
  ObjectClass: attribute("a-objectclass"),
  sAMAccountName: attribute("a-samaccountname"),
  whenCreated: attribute("a-whencreated"),
  memberOf: attribute("a-memberof"),
  userAccountControl: attribute("a-useraccountcontrol"),
  adminCount: attribute("a-admincount"),
  "msDS-SupportedEncryptionTypes": attribute("a-msds-supportedencryptiontypes"),
  tokenGroups: attribute("a-tokengroups"),
  nTSecurityDescriptor: attribute("a-ntsecuritydescriptor"),
  PrincipalsAllowedToRetrieveManagedPassword: ad("Get-ADServiceAccount"),
  // The KDS root key's effective time (Add-KdsRootKey documents it); never its key material.
  EffectiveTime: `${LEARN}powershell/module/kds/add-kdsrootkey`,
  // Access rules of an ActiveDirectorySecurity.
  IdentityReference: dotnet("System.Security.AccessControl.AuthorizationRule.IdentityReference"),
  IsInherited: dotnet("System.Security.AccessControl.AuthorizationRule.IsInherited"),
  AccessControlType: dotnet("System.Security.AccessControl.AccessRule.AccessControlType"),
  ActiveDirectoryRights: dotnet("System.DirectoryServices.ActiveDirectoryAccessRule.ActiveDirectoryRights"),
  ObjectType: dotnet("System.Security.AccessControl.ObjectAccessRule.ObjectType"),
  InheritedObjectType: dotnet("System.Security.AccessControl.ObjectAccessRule.InheritedObjectType"),
  InheritanceType: dotnet("System.DirectoryServices.ActiveDirectoryAccessRule.InheritanceType"),
  // Get-LocalGroupMember's LocalPrincipal, Get-Service's ServiceController.
  PrincipalSource: `${LEARN}powershell/module/microsoft.powershell.localaccounts/get-localgroupmember`,
  Status: dotnet("System.ServiceProcess.ServiceController.Status"),
  StartType: dotnet("System.ServiceProcess.ServiceController.StartType"),
  // $PSVersionTable and an ErrorRecord's message.
  PSVersion: `${LEARN}powershell/module/microsoft.powershell.core/about/about_automatic_variables`,
  Exception: dotnet("System.Management.Automation.ErrorRecord.Exception"),
  Message: dotnet("System.Exception.Message"),
  // An array's length (PowerShell's Count member of every collection).
  Count: `${LEARN}powershell/module/microsoft.powershell.core/about/about_arrays`,
};

/** The only methods the collectors call: each returns a value and changes nothing. */
export const COLLECTOR_METHODS: Readonly<Record<string, string>> = {
  GetAccessRules: dotnet("System.Security.AccessControl.DirectoryObjectSecurity.GetAccessRules"),
  ToUniversalTime: dotnet("System.DateTime.ToUniversalTime"),
  ToString: dotnet("System.DateTime.ToString"),
  ContainsKey: dotnet("System.Collections.Hashtable.ContainsKey"),
};

const securityPolicy = (page: string) => `${LEARN}previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/${page}`;
const computerInfo = (property: string) => dotnet(`Microsoft.PowerShell.Commands.ComputerInfo.${property}`);
const WINDOWS_SERVER_BUILDS = `${LEARN}windows/release-health/windows-server-release-info`;
const TLS_ENFORCEMENT = `${LEARN}entra/identity/hybrid/connect/reference-connect-tls-enforcement`;

/**
 * Registry values the collectors read (Get-PreflightRegistryText and -Int), by
 * value name. The Windows product, edition and installation type are the
 * values PowerShell's ComputerInfo documents as read from the registry.
 */
export const COLLECTOR_REGISTRY_VALUES: Readonly<Record<string, string>> = {
  Domain: `${LEARN}troubleshoot/windows-server/networking/tcpip-and-nbt-configuration-parameters`,
  ProductName: computerInfo("WindowsProductName"),
  EditionID: computerInfo("WindowsEditionId"),
  InstallationType: computerInfo("WindowsInstallationType"),
  // The build and its update revision: the "OS build" (20348.2700) Windows Server's release information lists.
  CurrentBuild: WINDOWS_SERVER_BUILDS,
  UBR: WINDOWS_SERVER_BUILDS,
  Release: `${LEARN}dotnet/framework/install/how-to-determine-which-versions-are-installed`,
  SystemDefaultTlsVersions: TLS_ENFORCEMENT,
  SchUseStrongCrypto: TLS_ENFORCEMENT,
  Enabled: TLS_ENFORCEMENT,
  DisabledByDefault: TLS_ENFORCEMENT,
  LmCompatibilityLevel: securityPolicy("network-security-lan-manager-authentication-level"),
  RestrictSendingNTLMTraffic: securityPolicy("network-security-restrict-ntlm-outgoing-ntlm-traffic-to-remote-servers"),
  RestrictReceivingNTLMTraffic: securityPolicy("network-security-restrict-ntlm-incoming-ntlm-traffic"),
  NtlmMinClientSec: securityPolicy("network-security-minimum-session-security-for-ntlm-ssp-based-including-secure-rpc-clients"),
  NtlmMinServerSec: securityPolicy("network-security-minimum-session-security-for-ntlm-ssp-based-including-secure-rpc-servers"),
};
