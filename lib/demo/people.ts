/** The demo tenant's named people, one for every outcome: shown in the UI and used by the tests. */
export const DEMO_PEOPLE = {
  goodAdmin: "hybrid.admin@contoso.onmicrosoft.com",
  guest: "ext.partner@contoso.com",
  invitedGuest: "megan.bowen_fabrikam.com#EXT#@contoso.onmicrosoft.com",
  pimEligible: "pim.eligible@contoso.onmicrosoft.com",
  groupAssigned: "group.admin@contoso.onmicrosoft.com",
  manyGroups: "many.groups@contoso.onmicrosoft.com",
  disabled: "disabled.admin@contoso.onmicrosoft.com",
  synced: "synced.admin@contoso.com",
  noRole: "no.role@contoso.onmicrosoft.com",
  apostrophe: "o'brien@contoso.com",
  globalAdmin: "global.admin@contoso.onmicrosoft.com",
  breakGlass: "breakglass@contoso.onmicrosoft.com",
  unverifiedSuffix: "contoso.co.uk",
  federatedDomain: "fabrikam.com",
} as const;
