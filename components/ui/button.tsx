import Link from "next/link";
import type { ComponentProps } from "react";

const base =
  "inline-flex items-center justify-center rounded px-4 py-2 font-semibold focus:outline-none focus:ring-4 focus:ring-amber-400 disabled:opacity-60";
export const buttonStyles = {
  primary: `${base} bg-blue-800 text-white hover:bg-blue-900`,
  secondary: `${base} border-2 border-slate-700 bg-white text-slate-900 hover:bg-slate-100`,
  warning: `${base} bg-red-700 text-white hover:bg-red-800`,
};

export function Button({ variant = "primary", className, ...props }: ComponentProps<"button"> & { variant?: keyof typeof buttonStyles }) {
  return <button type="button" className={`${buttonStyles[variant]} ${className ?? ""}`} {...props} />;
}

export function ButtonLink({ variant = "primary", className, ...props }: ComponentProps<typeof Link> & { variant?: keyof typeof buttonStyles }) {
  return <Link className={`${buttonStyles[variant]} ${className ?? ""}`} {...props} />;
}

export const linkClass = "text-blue-800 underline underline-offset-2 hover:text-blue-950 focus:outline-none focus:ring-4 focus:ring-amber-400";
