/** The example plans shipped in public/examples/, offered on the start page. */
export const EXAMPLE_PLANS = [
  {
    file: "cloud-sync-contoso.json",
    title: "Cloud Sync, one forest, three agents",
    description: "Contoso: default gMSA, password hash sync, password writeback, Exchange hybrid and group provisioning to AD.",
  },
  {
    file: "connect-fabrikam-three-forests.json",
    title: "Connect Sync, three forests, remote SQL",
    description: "Fabrikam: custom install with an active and a staging server, gMSA service accounts, seamless SSO and device writeback.",
  },
] as const;
