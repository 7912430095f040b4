import { createContext, useContext } from "react";
import { linkClass } from "@/components/ui/button";
import { SOURCES, type Citation, type SourcePage } from "@/lib/catalog";
import { catalogUrl } from "@/lib/export/citations";
import { formatDate } from "@/lib/format/date";

/**
 * The printed plan cites each Microsoft page and section by number ([3]) and
 * lists them once at the end, so a cited statement takes a line, not three.
 * Numbers follow the order the document first cites them in.
 */
export class SourceNumbers {
  private readonly numbers = new Map<string, number>();
  /** Each cited page once, with the sections cited from it, in order of first citation. */
  readonly cited: { source: Citation["source"]; sections: string[] }[] = [];

  number(cite: Citation): number {
    let number = this.numbers.get(cite.source);
    if (number === undefined) {
      this.cited.push({ source: cite.source, sections: [] });
      number = this.cited.length;
      this.numbers.set(cite.source, number);
    }
    const entry = this.cited[number - 1]!;
    if (!entry.sections.includes(cite.section)) entry.sections.push(cite.section);
    return number;
  }
}

export const SourceNumbersContext = createContext<SourceNumbers | null>(null);

/** "[3]", linking to the source's line at the end. */
export function Cite({ cite }: { cite: Citation }) {
  const numbers = useContext(SourceNumbersContext);
  if (!numbers) throw new Error("Cite needs a SourceNumbersContext");
  const number = numbers.number(cite);
  return (
    <a href={`#print-source-${number}`} className="text-sm text-slate-700 underline underline-offset-2">
      <span className="sr-only">source </span>[{number}]<span className="sr-only">, section “{cite.section}”</span>
    </a>
  );
}

/** The numbered sources, rendered last so every citation above has its number: each page once, with the sections cited from it. */
export function SourceList({ numbers }: { numbers: SourceNumbers }) {
  return (
    <section aria-labelledby="print-sources" className="mt-6">
      <h2 id="print-sources" className="text-lg font-bold">
        Sources
      </h2>
      <ol className="mt-1 list-none text-sm">
        {numbers.cited.map((entry, index) => {
          const page = SOURCES[entry.source] as SourcePage;
          const url = catalogUrl(page.url);
          return (
            <li key={entry.source} id={`print-source-${index + 1}`}>
              [{index + 1}]{" "}
              {url ? (
                <a href={url} className={linkClass}>
                  {page.title}
                </a>
              ) : (
                page.title
              )}
              {/* A report's title already says it is not a Microsoft page. */}
              {page.kind === "report" ? "" : ` (page dated ${formatDate(page.msDate)})`}: {entry.sections.map((section) => `“${section}”`).join(", ")}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
