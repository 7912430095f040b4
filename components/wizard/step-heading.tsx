"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** The step's one <h1>; it takes focus when the step opens so screen readers announce it. */
export function StepHeading({ children, caption }: { children: ReactNode; caption?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="mb-6">
      {caption ? <p className="text-base text-slate-600">{caption}</p> : null}
      <h1 ref={ref} tabIndex={-1} className="text-3xl font-bold text-slate-900 focus:outline-none">
        {children}
      </h1>
    </div>
  );
}
