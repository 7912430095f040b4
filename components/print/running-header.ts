"use client";

import { useEffect } from "react";

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (character) => `\\${character}`).replace(/[\r\n]+/g, " ")}"`;
}

/**
 * Puts the plan's title in every printed page's top margin (an @page margin
 * box). The rule is added through a constructed style sheet, which the page's
 * Content-Security-Policy allows without a nonce, and removed when the
 * document closes.
 */
export function useRunningHeader(text: string) {
  useEffect(() => {
    if (typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { @top-left { content: ${cssString(text)}; } }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
    };
  }, [text]);
}
