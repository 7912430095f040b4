import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Entra sync account planner", template: "%s – Entra sync account planner" },
  description: "Plan the accounts Microsoft Entra Cloud Sync or Connect needs to connect Active Directory to Microsoft Entra ID.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Pages render per request so that each gets its own CSP nonce (see proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-amber-300 focus:p-2">
          Skip to main content
        </a>
        <header className="keep-light-palette no-print border-b-8 border-blue-800 bg-slate-900 text-white">
          <div className="mx-auto flex max-w-7xl items-center justify-between px-4 py-3">
            <Link href="/" className="text-lg font-bold focus:outline-none focus:ring-4 focus:ring-amber-400">
              Entra sync account planner
            </Link>
            <span className="text-sm text-slate-300">Plans accounts, never passwords</span>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
