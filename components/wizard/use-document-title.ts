"use client";

import { useEffect } from "react";

export const APP_NAME = "Entra sync account planner";

/** Sets the tab title for a step, prefixed with "Error:" while the step shows errors. */
export function useDocumentTitle(title: string, hasErrors = false) {
  useEffect(() => {
    document.title = `${hasErrors ? "Error: " : ""}${title} – ${APP_NAME}`;
  }, [title, hasErrors]);
}
