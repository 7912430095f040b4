"use client";

import type { ComponentProps, ReactNode } from "react";
import { Controller, useFormContext } from "react-hook-form";
import { describedBy, ErrorMessage, FieldFrame, Hint, inputClass } from "./field-parts";
import { fieldId } from "./field-id";
import { useFieldError } from "./use-field-error";

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

interface GroupProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly ChoiceOption[];
}

function optionId(name: string, index: number) {
  // The first option carries the field's own id, so the error summary can focus the group.
  return index === 0 ? fieldId(name) : `${fieldId(name)}-${index}`;
}

function Group({ name, legend, hint, error, children }: { name: string; legend: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <fieldset className="mb-6" aria-describedby={describedBy(name, hint, error)}>
      <legend className="font-semibold text-slate-900">{legend}</legend>
      <Hint name={name}>{hint}</Hint>
      <ErrorMessage name={name} message={error} />
      <div className="mt-2 space-y-2">{children}</div>
    </fieldset>
  );
}

const choiceClass = "mt-1 h-5 w-5 shrink-0 accent-blue-800 focus:outline-none focus:ring-4 focus:ring-amber-400";

/** One radio or checkbox with its label and hint; the caller binds it to the form. */
function OptionRow({ name, index, type, option, inputProps }: { name: string; index: number; type: "radio" | "checkbox"; option: ChoiceOption; inputProps: ComponentProps<"input"> }) {
  const id = optionId(name, index);
  const optionHintId = option.hint ? `${fieldId(name)}-option-${index}-hint` : undefined;
  return (
    <div className="flex items-start gap-3">
      <input id={id} type={type} value={option.value} aria-describedby={optionHintId} className={choiceClass} {...inputProps} />
      <div>
        <label htmlFor={id} className={option.disabled ? "text-slate-500" : "text-slate-900"}>
          {option.label}
        </label>
        {option.hint ? (
          <p id={optionHintId} className="text-sm text-slate-600">
            {option.hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Radio buttons in a fieldset; the value is the chosen option's string. */
export function RadioGroup({ name, legend, hint, options }: GroupProps) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <Group name={name} legend={legend} hint={hint} error={error}>
      {options.map((option, index) => (
        <OptionRow key={option.value} name={name} index={index} type="radio" option={option} inputProps={{ disabled: option.disabled, ...register(name) }} />
      ))}
    </Group>
  );
}

/** Checkboxes in a fieldset; the value is the array of ticked options, in the options' order. */
export function CheckboxGroup({ name, legend, hint, options }: GroupProps) {
  const { control } = useFormContext();
  const error = useFieldError(name);
  return (
    <Group name={name} legend={legend} hint={hint} error={error}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => {
          const selected: string[] = Array.isArray(field.value) ? field.value : [];
          const toggle = (value: string, checked: boolean) =>
            field.onChange(checked ? options.map((option) => option.value).filter((candidate) => candidate === value || selected.includes(candidate)) : selected.filter((candidate) => candidate !== value));
          return (
            <>
              {options.map((option, index) => (
                <OptionRow
                  key={option.value}
                  name={name}
                  index={index}
                  type="checkbox"
                  option={option}
                  inputProps={{
                    checked: selected.includes(option.value),
                    // A ticked option stays enabled so it can be unticked after the tool changes.
                    disabled: option.disabled && !selected.includes(option.value),
                    onBlur: field.onBlur,
                    onChange: (event) => toggle(option.value, event.target.checked),
                  }}
                />
              ))}
            </>
          );
        }}
      />
    </Group>
  );
}

/** Yes/No radios for a boolean field. */
export function YesNo({ name, legend, hint, yes = "Yes", no = "No" }: { name: string; legend: ReactNode; hint?: ReactNode; yes?: string; no?: string }) {
  const { control } = useFormContext();
  const error = useFieldError(name);
  return (
    <Group name={name} legend={legend} hint={hint} error={error}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <div className="flex gap-6">
            {[
              { value: true, label: yes },
              { value: false, label: no },
            ].map((option, index) => {
              const id = optionId(name, index);
              return (
                <div key={String(option.value)} className="flex items-center gap-2">
                  <input
                    id={id}
                    type="radio"
                    name={field.name}
                    checked={field.value === option.value}
                    onChange={() => field.onChange(option.value)}
                    onBlur={field.onBlur}
                    className={choiceClass}
                  />
                  <label htmlFor={id}>{option.label}</label>
                </div>
              );
            })}
          </div>
        )}
      />
    </Group>
  );
}

export function SelectField({ name, label, hint, options }: { name: string; label: ReactNode; hint?: ReactNode; options: readonly ChoiceOption[] }) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <select
        id={fieldId(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={inputClass}
        {...register(name)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {typeof option.label === "string" ? option.label : option.value}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
