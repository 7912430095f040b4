"use client";

import { InteractionRequiredAuthError, InteractionStatus, PublicClientApplication, type AccountInfo } from "@azure/msal-browser";
import { MsalProvider, useMsal } from "@azure/msal-react";
import { useCallback, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { GRAPH_SCOPES, MSAL_AUTHORITY, MSAL_CLIENT_ID, REDIRECT_PATH } from "@/lib/auth/mode";

/**
 * Live sign-in with MSAL, loaded only in live mode. The token is requested
 * silently and interactively only when Microsoft asks for it; it is handed to
 * the caller for one request and never stored by the app.
 */
let instance: PublicClientApplication | undefined;

function msalInstance(): PublicClientApplication {
  instance ??= new PublicClientApplication({
    auth: { clientId: MSAL_CLIENT_ID, authority: MSAL_AUTHORITY, redirectUri: `${window.location.origin}${REDIRECT_PATH}` },
    cache: { cacheLocation: "sessionStorage" },
  });
  return instance;
}

export interface LiveSession {
  account: AccountInfo | null;
  ready: boolean;
  signIn: () => Promise<void>;
  getToken: () => Promise<string>;
}

function SessionBridge({ children }: { children: (session: LiveSession) => ReactNode }) {
  const { instance: msal, accounts, inProgress } = useMsal();
  const [error, setError] = useState<string | null>(null);
  const account = accounts[0] ?? null;

  const signIn = useCallback(async () => {
    setError(null);
    try {
      await msal.loginPopup({ scopes: GRAPH_SCOPES });
    } catch (caught) {
      setError(caught instanceof Error && "errorCode" in caught ? `Sign-in did not complete (${String((caught as { errorCode: unknown }).errorCode)}).` : "Sign-in did not complete.");
    }
  }, [msal]);

  const getToken = useCallback(async () => {
    const current = msal.getAllAccounts()[0];
    if (!current) throw new Error("Sign in first.");
    try {
      return (await msal.acquireTokenSilent({ scopes: GRAPH_SCOPES, account: current })).accessToken;
    } catch (caught) {
      if (caught instanceof InteractionRequiredAuthError) return (await msal.acquireTokenPopup({ scopes: GRAPH_SCOPES, account: current })).accessToken;
      throw caught;
    }
  }, [msal]);

  return (
    <>
      {children({ account, ready: inProgress === InteractionStatus.None, signIn, getToken })}
      {error ? (
        <p role="alert" className="mt-2 font-semibold text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

export default function LiveAuth({ children }: { children: (session: LiveSession) => ReactNode }) {
  return (
    <MsalProvider instance={msalInstance()}>
      <SessionBridge>{children}</SessionBridge>
    </MsalProvider>
  );
}

export function SignInButton({ session }: { session: LiveSession }) {
  if (session.account) return <p>Signed in as <strong>{session.account.username}</strong>.</p>;
  return (
    <Button onClick={() => void session.signIn()} disabled={!session.ready}>
      Sign in with Microsoft
    </Button>
  );
}
