import { FEATURES_BY_ID, featureNotes, type FeatureId, type Tool } from "@/lib/catalog";
import { FactText } from "./citation";
import { DisagreementNote } from "./disagreement-note";

/** What Microsoft says of a chosen feature beyond its description, for the plan's tool, each with its source, folded away until asked for. */
export function FeatureNotes({ id, tool }: { id: FeatureId; tool: Tool }) {
  const feature = FEATURES_BY_ID[id];
  const notes = featureNotes(feature, tool);
  const disagreements = feature.disagreements ?? [];
  if (notes.length === 0 && disagreements.length === 0) return null;
  return (
    <details className="mb-4 rounded border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold text-blue-800 focus:outline-none focus:ring-4 focus:ring-amber-400">
        {feature.label}: what Microsoft says
      </summary>
      {notes.length > 0 ? (
        <ul className="mt-2 list-disc space-y-2 pl-6">
          {notes.map((note) => (
            <li key={note.text}>
              <FactText fact={note} />
            </li>
          ))}
        </ul>
      ) : null}
      {disagreements.map((disagreement) => (
        <div key={disagreement.topic} className="mt-3">
          <DisagreementNote disagreement={disagreement} headingLevel={3} />
        </div>
      ))}
    </details>
  );
}
