import { FEATURES_BY_ID, PLAN_FEATURE_IDS, SIGN_IN_METHODS_BY_TOOL, type PlanFeatureId, type SignInMethod, type Tool } from "@/lib/catalog";
import type { Environment } from "./schema";

/**
 * Which environment questions apply, given the answers so far. The step shows
 * only these, and the plan keeps only their answers: a value the user can no
 * longer see (a SQL Server after choosing LocalDB, AD FS servers after choosing
 * password hash sync) never reaches the plan, its checks or its exports.
 */
export interface Applicable {
  /** A Connect custom installation: the wizard's own pages (sign-in, source anchor, database, features). */
  custom: boolean;
  signInQuestion: boolean;
  signInMethods: readonly SignInMethod[];
  seamlessSso: boolean;
  federationServers: boolean;
  passThroughAgents: boolean;
  sourceAnchor: boolean;
  sourceAnchorAttribute: boolean;
  sqlDetails: boolean;
  sqlServerHost: boolean;
  authenticatingProxy: boolean;
  /** The plan features offered as checkboxes (the sign-in method's own feature is not one of them; express offers only its own). */
  featureChoices: readonly PlanFeatureId[];
  deviceWritebackForest: boolean;
  exchangeForest: boolean;
}

const EXCHANGE_FEATURES: readonly PlanFeatureId[] = ["exchangeHybrid", "exchangeMailPublicFolders"];

export function applicableQuestions(tool: Tool, environment: Environment): Applicable {
  const connect = tool === "connect";
  const express = connect && environment.connect.installType === "express";
  const custom = connect && !express;
  const method = environment.signIn.method;
  const features = environment.features ?? [];
  const seamlessSsoOffered = FEATURES_BY_ID.seamlessSso.support[tool] !== "unavailable";
  return {
    custom,
    // Express settings always sign users in with password hash synchronization.
    signInQuestion: !express,
    signInMethods: SIGN_IN_METHODS_BY_TOOL[tool],
    // The Connect wizard offers seamless SSO only with password hash sync or pass-through authentication.
    seamlessSso: !express && seamlessSsoOffered && (!connect || method === "passwordHashSync" || method === "passThroughAuth"),
    federationServers: custom && method === "federationAdfs",
    passThroughAgents: custom && method === "passThroughAuth",
    sourceAnchor: custom,
    sourceAnchorAttribute: custom && environment.connect.sourceAnchor === "otherAttribute",
    sqlDetails: custom && environment.connect.database !== "localDb",
    sqlServerHost: custom && environment.connect.database === "remoteSql",
    authenticatingProxy: custom,
    featureChoices: PLAN_FEATURE_IDS.filter(
      (id) => !(id === "passwordHashSync" && (express || method === "passwordHashSync")) && (!express || FEATURES_BY_ID[id].inExpress),
    ),
    deviceWritebackForest: custom && features.includes("deviceWriteback"),
    exchangeForest: custom && environment.forests.length > 1 && features.some((id) => EXCHANGE_FEATURES.includes(id)),
  };
}

/** The environment as the plan keeps it: the answers to the questions that apply, defaults for the rest. */
export function applicableEnvironment(tool: Tool, environment: Environment): Environment {
  const applies = applicableQuestions(tool, environment);
  const { connect, signIn } = environment;
  return {
    ...environment,
    signIn: applies.signInQuestion
      ? { method: signIn.method, seamlessSso: applies.seamlessSso && signIn.seamlessSso }
      : { method: "passwordHashSync", seamlessSso: false },
    connect: {
      ...connect,
      sourceAnchor: applies.sourceAnchor ? connect.sourceAnchor : "msDsConsistencyGuid",
      sourceAnchorAttribute: applies.sourceAnchorAttribute ? connect.sourceAnchorAttribute : "",
      sqlServer: applies.sqlServerHost ? connect.sqlServer : "",
      sqlInstance: applies.sqlDetails ? connect.sqlInstance : "",
      sqlAdministrator: applies.sqlDetails ? connect.sqlAdministrator : "",
      authenticatingProxy: applies.authenticatingProxy && connect.authenticatingProxy,
      deviceWritebackForestId: applies.deviceWritebackForest ? connect.deviceWritebackForestId : "",
      exchangeForestId: applies.exchangeForest ? connect.exchangeForestId : "",
    },
    federation: applies.federationServers ? environment.federation : { adfsServers: [], wapServers: [] },
    passThroughAgents: applies.passThroughAgents ? environment.passThroughAgents : [],
    features: environment.features.filter((id) => applies.featureChoices.includes(id)),
  };
}
