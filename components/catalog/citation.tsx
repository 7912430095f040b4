import { linkClass } from "@/components/ui/button";
import { citationText, SOURCES, type Citation, type Fact } from "@/lib/catalog";

/**
 * Where a statement comes from, in the words of `citationText` ("Page title,
 * section “Heading” (page dated …)"), with the page title linked to the page.
 */
export function CitationRef({ cite }: { cite: Citation }) {
  const source = SOURCES[cite.source];
  const text = citationText(cite);
  // A report is not a page one can open: its citation says so, as text.
  if (source.kind === "report" || !source.url || !text.startsWith(source.title)) return <cite className="not-italic">{text}</cite>;
  return (
    <cite className="not-italic">
      <a href={source.url} className={linkClass}>
        {source.title}
      </a>
      {text.slice(source.title.length)}
    </cite>
  );
}

/** A statement of the catalog followed by its source. */
export function FactText({ fact }: { fact: Fact }) {
  return (
    <>
      {fact.text}{" "}
      <span className="text-sm text-slate-700">
        (Source: <CitationRef cite={fact.cite} />)
      </span>
    </>
  );
}
