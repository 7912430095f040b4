"use client";

import { useEffect } from "react";

export const APP_NAME = "Entra sync account planner";

/**
 * Sets the tab title for a step, prefixed with "Error:" while the step shows
 * errors. The title depends on the plan in this browser (a forest's name), so
 * it wins over the route's metadata title, which Next may stream in later.
 */
export function useDocumentTitle(title: string, hasErrors = false) {
  const wanted = `${hasErrors ? "Error: " : ""}${title} – ${APP_NAME}`;
  useEffect(() => {
    const apply = () => {
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [wanted]);
}
