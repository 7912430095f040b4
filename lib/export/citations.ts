import { citationText, SOURCES, type Citation, type SourcePage } from "@/lib/catalog";

/** A citation as every export shows it: the readable text, and the page's address when it is a published page. */
export interface CitationView {
  text: string;
  /** Empty for a source with no public page (a report): such a citation is named, never linked. */
  url: string;
}

export function citationView(cite: Citation): CitationView {
  const source: SourcePage = SOURCES[cite.source];
  return { text: citationText(cite), url: source.url };
}

/** Every address the catalog cites: the only ones an export links to. */
export const CATALOG_URLS: ReadonlySet<string> = new Set(Object.values(SOURCES as Record<string, SourcePage>).map((source) => source.url).filter(Boolean));

/** A link target the exports may use: one of the catalog's pages, never an address that came with the input. */
export function catalogUrl(url: string | undefined): string | undefined {
  return url && CATALOG_URLS.has(url) ? url : undefined;
}
