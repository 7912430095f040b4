"use client";

import { useWatch } from "react-hook-form";
import { FeatureNotes } from "@/components/catalog/feature-notes";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { RadioGroup } from "@/components/ui/choice-fields";
import { ListField } from "@/components/ui/list-field";
import { FEATURES_BY_ID, LIMITS, SIGN_IN_METHOD_FEATURE, SIGN_IN_METHOD_LABELS, type SignInMethod, type Tool } from "@/lib/catalog";
import type { Environment } from "@/lib/plan";
import { useApplicable } from "./use-applicable";

const LIST_HINT = "Computer names, one per line or separated by commas.";

/** What each method means for the user, in a line: the catalog's description of the feature it turns on. */
function methodHint(method: SignInMethod, tool: Tool): string {
  const feature = SIGN_IN_METHOD_FEATURE[method];
  const description = feature ? FEATURES_BY_ID[feature]?.description : undefined;
  if (description) return description;
  return tool === "cloudSync"
    ? "Leaves sign-in as it is: an existing pass-through authentication or AD FS setup keeps working."
    : "Leaves sign-in as it is, for example a federation you already run with another product.";
}

function FederationServers() {
  return (
    <fieldset className="mb-6 rounded border border-slate-300 p-4">
      <legend className="px-1 font-semibold">AD FS farm the wizard configures</legend>
      <p className="mb-4 text-sm text-slate-600">Each server adds the accounts that install it. Leave a list empty until the names are known: the review lists what is missing.</p>
      <ListField name="federation.adfsServers" label="AD FS servers" hint={LIST_HINT} />
      <ListField name="federation.wapServers" label="Web Application Proxy servers" hint={`The proxies in the perimeter network. ${LIST_HINT}`} />
    </fieldset>
  );
}

function PassThroughAgents() {
  return (
    <ListField
      name="passThroughAgents"
      label="Other servers that will run a pass-through authentication agent"
      hint={`The Connect server runs the first agent. Microsoft asks for at least ${LIMITS.recommendedPassThroughAgents} agents in production, so list ${
        LIMITS.recommendedPassThroughAgents - 1
      } or more servers here. ${LIST_HINT}`}
    />
  );
}

/** The Connect wizard's "User sign-in" page, and its Cloud Sync peer. */
export function SignIn({ tool }: { tool: Tool }) {
  const applies = useApplicable(tool);
  const method = useWatch<Environment>({ name: "signIn.method" }) as SignInMethod;
  const seamlessSso = useWatch<Environment>({ name: "signIn.seamlessSso" }) as boolean;
  const methodFeature = applies.signInMethods.includes(method) ? SIGN_IN_METHOD_FEATURE[method] : undefined;
  return (
    <section aria-labelledby="sign-in-title" className="mb-8">
      <h2 id="sign-in-title" className="mb-4 text-xl font-bold">
        User sign-in
      </h2>
      {applies.signInQuestion ? (
        <>
          <RadioGroup
            name="signIn.method"
            legend="How will users sign in to Microsoft Entra ID?"
            hint={
              tool === "cloudSync"
                ? "Cloud Sync sets up password hash synchronization or leaves sign-in as it is."
                : "The choices of the Connect wizard's “User sign-in” page."
            }
            options={applies.signInMethods.map((method) => ({ value: method, label: SIGN_IN_METHOD_LABELS[method], hint: methodHint(method, tool) }))}
          />
          {methodFeature ? <FeatureNotes id={methodFeature} tool={tool} /> : null}
          {applies.passThroughAgents ? <PassThroughAgents /> : null}
          {applies.federationServers ? <FederationServers /> : null}
          {applies.seamlessSso ? (
            <CheckboxField name="signIn.seamlessSso" label="Enable seamless single sign-on" hint={FEATURES_BY_ID.seamlessSso.description} />
          ) : null}
          {applies.seamlessSso && seamlessSso ? <FeatureNotes id="seamlessSso" tool={tool} /> : null}
          {!applies.seamlessSso && tool === "connect" ? (
            <p className="mb-5 text-slate-700">Seamless single sign-on is offered with password hash synchronization or pass-through authentication only.</p>
          ) : null}
        </>
      ) : (
        <p className="text-slate-700">
          Express settings sign users in with {SIGN_IN_METHOD_LABELS.passwordHashSync.toLowerCase()}, without seamless single sign-on. Choose the custom
          installation for another sign-in method.
        </p>
      )}
    </section>
  );
}
