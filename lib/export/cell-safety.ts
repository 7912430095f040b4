/**
 * Spreadsheet programs run a cell that starts with = + - @ as a formula, and
 * some read the full-width ＝ ＋ － ＠ the same way (an East Asian input
 * method types them); a tab, carriage return or line feed before one hides
 * it. Every cell we write that comes from the user is neutralised by a
 * leading apostrophe, which Excel shows as text and does not run.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
