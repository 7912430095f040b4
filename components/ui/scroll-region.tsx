"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A wide table's container: it scrolls sideways inside the page instead of
 * widening it, takes keyboard focus so arrow keys scroll it, and says so in
 * words when part of it is out of view.
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setHidden(element.scrollWidth - element.clientWidth - element.scrollLeft > 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, []);
  return (
    <div className="mt-2">
      {hidden ? (
        <p className="mb-1 text-sm font-semibold text-slate-700" aria-hidden="true">
          Scroll sideways for more columns →
        </p>
      ) : null}
      <div
        ref={ref}
        tabIndex={0}
        role="region"
        aria-labelledby={labelledBy}
        className={`overflow-x-auto focus:outline-none focus:ring-4 focus:ring-amber-400 ${hidden ? "border-r-4 border-slate-500" : ""}`}
      >
        {children}
      </div>
    </div>
  );
}
