"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form";
import { draftActions } from "@/lib/draft/store";
import { stepResolver, validateStep, type StepValidation } from "@/lib/forms/step-resolver";
import { changeImpact, needsConfirmation, planShape, STEP_PATHS, type Plan } from "@/lib/plan";
import type { PendingChange } from "./change-impact-dialog";
import { fillMissing } from "./fill-missing";

/** The words of a change that needs confirming: the dialog's question, its button, and the undo history's label. */
export interface ChangeWords {
  title: string;
  confirmLabel: string;
  checkpoint: string;
}

interface StepFormOptions<TValues extends FieldValues> {
  stepId: string;
  /** The plan as stored: what a change is compared with. */
  plan: Plan;
  /** The values the plan holds for this step (or its defaults). */
  initialValues: TValues;
  /** Raw values kept from an earlier visit that was not finished. */
  savedValues: unknown;
  validation: StepValidation<TValues>;
  /** Where to go once saved; a function when the next step depends on the saved plan. */
  nextHref: string | ((saved: Plan) => string);
  /** Names a change that sets entries aside or breaks a rule elsewhere; such a change waits for the user's word. */
  describeChange?: (before: Plan, after: Plan) => ChangeWords;
}

/** The part of the plan this step writes, to tell its own saves from a change made elsewhere (Undo, another tab). */
function ownedPart(plan: Plan, owns: readonly (string | number)[]): string {
  let value: unknown = plan;
  for (const segment of owns) value = (value as Record<string | number, unknown> | null | undefined)?.[segment];
  return JSON.stringify([plan.tool, value ?? null]);
}

/** "Change" on Check your answers sends the user here with ?return=review: saving goes back there. */
function returnHref(): string | undefined {
  if (typeof window === "undefined") return undefined;
  return new URLSearchParams(window.location.search).get("return") === "review" ? STEP_PATHS.review : undefined;
}

/**
 * One step's form: restores what the user typed before, autosaves every
 * change (into the plan when the step is valid, as raw values otherwise),
 * and on submit saves and moves to the next step. A change that would set
 * account entries aside or break a rule of another step is never saved
 * silently: it is kept as raw values until the user confirms it in the
 * dialog, and then saved with an undo checkpoint.
 */
export function useStepForm<TValues extends FieldValues>({ stepId, plan, initialValues, savedValues, validation, nextHref, describeChange }: StepFormOptions<TValues>) {
  const router = useRouter();
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [pending, setPending] = useState<(PendingChange & { plan: Plan; checkpoint: string; href: string; apply?: () => void }) | null>(null);
  const resolver = useMemo(() => stepResolver(validation), [validation]);
  const form = useForm<TValues>({
    defaultValues: (savedValues == null ? initialValues : fillMissing(savedValues, initialValues)) as DefaultValues<TValues>,
    resolver,
    // The error summary takes focus instead, and links to each field.
    shouldFocusError: false,
  });

  // The plan this form last saw stored; a confirmed change moves it at once, before the store's update renders.
  const baseline = useRef(plan);
  const written = useRef(ownedPart(plan, validation.owns));
  const owned = ownedPart(plan, validation.owns);
  const seen = useRef(owned);
  // The values the plan holds for this step, as the form shows them before any edit.
  const shown = useRef(initialValues);
  const { reset } = form;
  useEffect(() => {
    baseline.current = plan;
    shown.current = initialValues;
    // The plan changed under the form, not by its own save (Undo, another tab): show what the plan holds now.
    if (owned !== seen.current && owned !== written.current) reset(initialValues);
    seen.current = owned;
    // initialValues follows the plan; the form resets only when the owned part changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [owned, plan, reset]);

  // Whether the store holds raw values for this step: a save of the plan forgets them.
  const holdsRaw = useRef(savedValues != null);
  const holdRaw = (values: unknown) => {
    holdsRaw.current = values != null;
    draftActions.saveStepValues(stepId, values);
  };

  const save = (saved: Plan, checkpoint?: string) => {
    holdsRaw.current = false;
    written.current = ownedPart(saved, validation.owns);
    baseline.current = saved;
    draftActions.savePlan(saved, [stepId], checkpoint ? { checkpoint } : undefined);
  };

  const impactOf = (after: Plan) => (describeChange ? changeImpact(baseline.current, after) : undefined);

  const { subscribe } = form;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          const merged = validation.merge(values as TValues);
          // Compared both with the plan and with the plan's values as this step would save them: a step that drops answers
          // (the environment after a tool switch) never saves exactly what the plan holds, yet its form can show just that.
          const part = ownedPart(merged, validation.owns);
          const unchanged = part === ownedPart(baseline.current, validation.owns) || part === ownedPart(validation.merge(shown.current), validation.owns);
          if (validateStep(values as TValues, validation).length > 0) {
            // Unchanged: the form shows what the plan holds (a confirmed change may leave a rule of this step broken), nothing unsaved.
            // Typed back to what the plan holds: an earlier unsaved edit of this step is gone too, or it would stay flagged and come back on reload.
            if (!unchanged) holdRaw(values);
            else if (holdsRaw.current) holdRaw(null);
            return;
          }
          const impact = impactOf(merged);
          if (impact && needsConfirmation(impact)) holdRaw(values);
          else save(merged);
        },
      }),
    // impactOf reads refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [subscribe, validation, stepId],
  );

  // "Change" links name a field in the address's fragment: focus it, as the GOV.UK check answers pattern does.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id);
    if (target) {
      target.focus();
      target.scrollIntoView?.({ block: "center" });
    }
  }, []);

  // Built when the form is submitted, not during render: the handlers read refs.
  const onSubmit = (event?: React.BaseSyntheticEvent) =>
    form.handleSubmit(
    (values) => {
      const saved = validation.merge(values);
      const href = returnHref() ?? (typeof nextHref === "string" ? nextHref : nextHref(saved));
      const impact = impactOf(saved);
      if (impact && describeChange && needsConfirmation(impact)) {
        const words = describeChange(baseline.current, saved);
        setPending({ title: words.title, confirmLabel: words.confirmLabel, checkpoint: words.checkpoint, impact, plan: saved, href });
        return;
      }
      save(saved);
      router.push(href);
    },
    () => setFailedSubmits((count) => count + 1),
  )(event);

  /** Asks before a change made outside the form's fields (removing a forest): `apply` runs once the user confirms. */
  const confirmChange = (after: Plan, words: ChangeWords, apply: () => void) => {
    setPending({ ...words, impact: changeImpact(baseline.current, after), plan: after, href: "", apply });
  };

  const dialog = {
    change: pending,
    onConfirm: () => {
      if (!pending) return;
      const { plan: saved, checkpoint, href, apply } = pending;
      setPending(null);
      // A plan that does not fit the shape (a half-typed value elsewhere in the step) stays raw values; the plan keeps the last valid one.
      if (planShape.safeParse(saved).success) {
        // The held raw values are this very change: the checkpoint (what Undo restores) is the plan without them.
        holdRaw(null);
        save(saved, checkpoint);
      }
      apply?.();
      if (href) router.push(href);
    },
    onCancel: () => setPending(null),
  };

  return { form, onSubmit, failedSubmits, dialog, confirmChange };
}
