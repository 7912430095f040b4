import { FEATURES_BY_ID, SIGN_IN_METHOD_LABELS, TOOL_LABELS } from "@/lib/catalog";
import type { Plan } from "@/lib/plan";
import type { ChangeWords } from "@/components/wizard/use-step-form";
import { applicableEnvironment } from "@/lib/plan";

/** Names an environment change that needs confirming, by what the user changed, most far-reaching first. */
export function describeEnvironmentChange(before: Plan, after: Plan): ChangeWords {
  const tool = after.tool;
  // Compared as the step saves them: a stored answer the step would drop anyway (a feature the sign-in method implies) is no change.
  const was = before.environment && tool ? applicableEnvironment(tool, before.environment) : before.environment;
  const now = after.environment;
  if (!was || !now || !tool) return { title: "Save this change?", confirmLabel: "Save the change", checkpoint: "Changed the environment" };
  if (tool === "connect" && was.connect.installType !== now.connect.installType) {
    const words = now.connect.installType === "express" ? "express settings" : "the custom installation";
    return { title: `Change the install type to ${words}?`, confirmLabel: `Use ${words}`, checkpoint: `Changed the install type to ${words}` };
  }
  if (was.signIn.method !== now.signIn.method) {
    const label = SIGN_IN_METHOD_LABELS[now.signIn.method].toLowerCase();
    return { title: `Change user sign-in to ${label}?`, confirmLabel: "Change user sign-in", checkpoint: `Changed user sign-in to ${label}` };
  }
  const unticked = was.features.filter((id) => !now.features.includes(id)).map((id) => FEATURES_BY_ID[id].label);
  if (was.signIn.seamlessSso && !now.signIn.seamlessSso) unticked.push("Seamless single sign-on");
  if (unticked.length > 0) {
    const names = unticked.join(", ");
    return { title: `Untick ${names}?`, confirmLabel: unticked.length === 1 ? "Untick it" : "Untick them", checkpoint: `Unticked ${names}` };
  }
  const lostForests = was.forests.filter((forest) => !now.forests.some((kept) => kept.id === forest.id));
  if (lostForests.length > 0) {
    const names = lostForests.map((forest) => forest.rootDomain || forest.id).join(", ");
    return { title: `Remove the forest ${names}?`, confirmLabel: "Remove it", checkpoint: `Removed the forest ${names}` };
  }
  const lostServers = was.servers.filter((server) => !now.servers.some((kept) => kept.id === server.id));
  if (lostServers.length > 0) {
    const names = lostServers.map((server) => server.name || server.id).join(", ");
    return { title: `Remove the server ${names}?`, confirmLabel: "Remove it", checkpoint: `Removed the server ${names}` };
  }
  return { title: `Save this change to the ${TOOL_LABELS[tool]} environment?`, confirmLabel: "Save the change", checkpoint: "Changed the environment" };
}
