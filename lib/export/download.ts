"use client";

/** Saves a file through the browser's download. */
export function downloadFile(fileName: string, body: string | Uint8Array, contentType: string) {
  const url = URL.createObjectURL(new Blob([typeof body === "string" ? body : new Uint8Array(body)], { type: contentType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
