import { DATABASE_LABELS, ENTRA_AUTH_MODE_LABELS, FEATURES_BY_ID } from "@/lib/catalog";
import { effectiveFeatures, type Plan } from "@/lib/plan";

/** The plan's setup as label/value rows (tenant, install choices, features): the worksheet and the workbook show the same. */
export function setupRows(plan: Plan): [string, string][] {
  const { environment, tool } = plan;
  if (!environment || !tool) return [];
  const rows: [string, string][] = [["Tenant", [environment.tenant.initialDomain, environment.tenant.tenantId].filter(Boolean).join(" / ")]];
  if (tool === "connect") {
    const express = environment.connect.installType === "express";
    rows.push(["Install type", express ? "Express settings" : "Custom installation"]);
    rows.push(["Database", DATABASE_LABELS[express ? "localDb" : environment.connect.database]]);
    rows.push(["Authentication to Entra ID", ENTRA_AUTH_MODE_LABELS[environment.connect.entraAuth]]);
  } else {
    rows.push(["gMSA", environment.cloudSync.gmsaMode === "default" ? "Default (provAgentgMSA$), created by the installer" : "Custom, pre-created"]);
  }
  rows.push(["Features", [...effectiveFeatures({ ...plan, tool, environment })].map((id) => FEATURES_BY_ID[id].label).join(", ") || "None"]);
  return rows;
}
