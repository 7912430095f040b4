"use client";

import { powerShellFileBytes } from "./script-bytes";

/**
 * Saves a file through the browser's download. A script handed over as text
 * is written as its file bytes (byte order mark, then ASCII), so no path
 * through the browser saves a .ps1 that Windows PowerShell 5.1 misreads.
 */
export function downloadFile(fileName: string, body: string | Uint8Array, contentType: string) {
  const bytes = typeof body === "string" && fileName.toLowerCase().endsWith(".ps1") ? powerShellFileBytes(body) : body;
  const url = URL.createObjectURL(new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type: contentType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
