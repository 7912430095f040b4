"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form";
import { draftActions } from "@/lib/draft/store";
import { stepResolver, validateStep, type StepValidation } from "@/lib/forms/step-resolver";
import type { Plan } from "@/lib/plan";
import { fillMissing } from "./fill-missing";

interface StepFormOptions<TValues extends FieldValues> {
  stepId: string;
  /** The values the plan holds for this step (or its defaults). */
  initialValues: TValues;
  /** Raw values kept from an earlier visit that was not finished. */
  savedValues: unknown;
  validation: StepValidation<TValues>;
  /** Where to go once saved; a function when the next step depends on the saved plan. */
  nextHref: string | ((saved: Plan) => string);
}

/**
 * One step's form: restores what the user typed before, autosaves every
 * change (into the plan when the step is valid, as raw values otherwise),
 * and on submit saves and moves to the next step.
 */
export function useStepForm<TValues extends FieldValues>({ stepId, initialValues, savedValues, validation, nextHref }: StepFormOptions<TValues>) {
  const router = useRouter();
  const [failedSubmits, setFailedSubmits] = useState(0);
  const resolver = useMemo(() => stepResolver(validation), [validation]);
  const form = useForm<TValues>({
    defaultValues: (savedValues == null ? initialValues : fillMissing(savedValues, initialValues)) as DefaultValues<TValues>,
    resolver,
    // The error summary takes focus instead, and links to each field.
    shouldFocusError: false,
  });

  const { subscribe } = form;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          if (validateStep(values, validation).length === 0) draftActions.savePlan(validation.merge(values), [stepId]);
          else draftActions.saveStepValues(stepId, values);
        },
      }),
    [subscribe, validation, stepId],
  );

  const onSubmit = form.handleSubmit(
    (values) => {
      const saved = validation.merge(values);
      draftActions.savePlan(saved, [stepId]);
      router.push(typeof nextHref === "string" ? nextHref : nextHref(saved));
    },
    () => setFailedSubmits((count) => count + 1),
  );

  return { form, onSubmit, failedSubmits };
}
