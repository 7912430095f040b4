import { whoText } from "@/lib/install-day/describe";
import type { Part } from "@/lib/install-day/model";
import { runbook, type RunbookScreen } from "@/lib/install-day/runbook";
import type { Plan } from "@/lib/plan";
import { Cite } from "./sources";

function PartItem({ part, order }: { part: Part; order: number }) {
  return (
    <li className="mt-2">
      <strong>
        {order}. {part.title}
      </strong>{" "}
      (script part <code>{part.id}</code>): run by {whoText(part.who)}.
      <ul className="list-disc pl-6">
        {part.steps.map((step) => (
          <li key={step.title}>{step.title}</li>
        ))}
      </ul>
    </li>
  );
}

function ScreenItem({ screen, order, repeated }: { screen: RunbookScreen; order: number; repeated: boolean }) {
  return (
    <li className="print-block mt-2">
      <h4 className="font-bold">
        Screen {order}: {screen.screen.title}
        {screen.scope ? ` (${screen.scope})` : ""}
      </h4>
      {/* A screen shown again for the next forest says what it asks only the first time. */}
      {repeated ? null : (
        <p>
          {screen.screen.asks} <Cite cite={screen.screen.cite} />
        </p>
      )}
      {screen.entries.length > 0 ? (
        <ul className="list-disc pl-6">
          {screen.entries.map((entry) => (
            <li key={`${entry.label}-${entry.value}`}>
              {entry.accountKey ? (
                <a href={`#print-${entry.accountKey}`} className="underline">
                  {entry.label}
                </a>
              ) : (
                entry.label
              )}
              : {entry.value}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Install day in the order it happens: the scripts' parts, Microsoft's installer screens with the plan's answers, then what follows. */
export function RunbookSection({ plan }: { plan: Plan }) {
  const book = runbook(plan);
  if (!book.path) return null;
  let order = 0;
  return (
    <section aria-labelledby="print-runbook" className="mt-6">
      <h2 id="print-runbook" className="text-lg font-bold">
        Install-day runbook
      </h2>
      {book.before.length > 0 ? (
        <>
          <h3 className="mt-2 font-bold">Before the wizard</h3>
          <ol className="list-none">
            {book.before.map((part) => (
              <PartItem key={part.id} part={part} order={++order} />
            ))}
          </ol>
        </>
      ) : null}
      {book.wizard ? (
        <>
          <h3 className="mt-3 font-bold">{book.wizard.title}</h3>
          <p>Who: {book.wizard.who}.</p>
        </>
      ) : null}
      <ol className="list-none">
        {book.screens.map((screen, index) => (
          <ScreenItem key={screen.id} screen={screen} order={index + 1} repeated={index > 0 && book.screens[index - 1]!.screen.id === screen.screen.id} />
        ))}
      </ol>
      {book.after.length > 0 || book.tasks.length > 0 ? (
        <>
          <h3 className="mt-3 font-bold">After the wizard</h3>
          <ol className="list-none">
            {book.after.map((part) => (
              <PartItem key={part.id} part={part} order={++order} />
            ))}
            {book.tasks.map((task) => (
              <li key={task.title} className="print-block mt-2">
                <strong>{task.title}.</strong> {task.asks} <Cite cite={task.cite} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
