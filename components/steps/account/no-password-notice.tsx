/** Why no step has a password field. */
export function NoPasswordNotice() {
  return (
    <aside aria-labelledby="no-password-title" className="rounded border-l-8 border-slate-500 bg-slate-100 p-4 text-sm">
      <h2 id="no-password-title" className="font-bold">
        Why there is no password field
      </h2>
      <p className="mt-1">
        This planner records who and what each account is, never its secret. Installers ask for credentials on the day and managed accounts
        have no password anyone types. Keeping secrets out of the plan keeps the worksheet safe to email and store.
      </p>
    </aside>
  );
}
