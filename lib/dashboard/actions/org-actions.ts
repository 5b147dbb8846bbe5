import { ORG_SETTINGS_PATH } from "../../admin/org-settings/org-settings-json";
import { updateOrgSettings } from "../../admin/org-settings/update-org-settings";
import { numberOrText, type FormInput } from "../form-input";
import { runAdminOperation } from "../run-admin-operation";
import { outcome } from "./outcome";
import type { DashboardAction } from "./types";

const FIELDS = ["lockoutThreshold", "sessionIdleMinutes", "sessionMaxMinutes", "refreshTokenGraceSeconds", "systemLogRetentionDays"] as const;

/** Every settings field of the form as the API takes it (a blank field is refused there, by name). */
function settingsBody(form: FormInput) {
  return Object.fromEntries(FIELDS.map((field) => [field, numberOrText(form, field)]));
}

export const orgActions: Record<string, DashboardAction> = {
  "org.updateSettings": async (call, form) =>
    outcome(await runAdminOperation(call, updateOrgSettings, { path: ORG_SETTINGS_PATH, method: "POST", body: settingsBody(form) }), "Saved the settings. They apply at once."),
};
