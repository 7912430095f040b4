import "server-only";

// The to-dos are pure (the Check step lists them too); the validator answers them with the tenant's results.
export { installDayChecks } from "@/lib/validation/install-day-todos";
