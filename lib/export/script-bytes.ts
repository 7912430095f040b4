/**
 * The bytes of a .ps1 file, whichever way it is delivered (the API, the
 * browser's download, each zip entry): a UTF-8 byte order mark, then ASCII.
 * With the mark, Windows PowerShell 5.1 reads the file as UTF-8 instead of
 * the ANSI code page; with ASCII only, it reads the same either way.
 */
export const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** Throws when the text holds anything but printable ASCII, tabs and line breaks: a renderer bug, never a plan value. */
export function powerShellFileBytes(script: string): Uint8Array {
  const bytes = new Uint8Array(UTF8_BOM.length + script.length);
  bytes.set(UTF8_BOM);
  for (let index = 0; index < script.length; index += 1) {
    const code = script.charCodeAt(index);
    if (!(code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0x7e))) {
      throw new Error(`A script would hold the character U+${code.toString(16).toUpperCase().padStart(4, "0")} at offset ${index}: scripts are ASCII after the byte order mark.`);
    }
    bytes[UTF8_BOM.length + index] = code;
  }
  return bytes;
}
