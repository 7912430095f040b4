"use client";

import { useEffect } from "react";

/**
 * Where Microsoft's sign-in returns: MSAL v5 needs a same-origin page that
 * hands the response to the window that opened the popup.
 */
export default function AuthRedirectPage() {
  useEffect(() => {
    void import("@azure/msal-browser/redirect-bridge").then(({ broadcastResponseToMainFrame }) => broadcastResponseToMainFrame()).catch(() => undefined);
  }, []);
  return (
    <p role="status" className="text-slate-700">
      Completing sign-in…
    </p>
  );
}
