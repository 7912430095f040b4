/** The DOM id of a form field, so labels, hints, errors and the error summary can point at it. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function errorId(name: string): string {
  return `${fieldId(name)}-error`;
}

export function hintId(name: string): string {
  return `${fieldId(name)}-hint`;
}
