import type { OrgSettingsBody } from "../../admin/org-settings/org-settings-input";
import { runUpdateOrgSettings } from "../../admin/org-settings/update-org-settings";
import { callOperation } from "../call-operation";
import { checked, numberField, text, values, type FormInput } from "../form-input";
import { outcome } from "./outcome";
import type { DashboardAction } from "./types";

const FIELDS = ["lockoutThreshold", "sessionIdleMinutes", "sessionMaxMinutes", "refreshTokenGraceSeconds", "systemLogRetentionDays", "recoveryTokenLifetimeMinutes", "registrationLinkLifetimeMinutes", "registrationsPerMinute"] as const;

/** Every settings field of the form as the API takes it (a blank number is refused there, by name: NaN is no number; an unticked checkbox is false, no ticked attribute or no chosen group an empty list; the language as chosen, checked there). */
function settingsBody(form: FormInput): OrgSettingsBody {
  return {
    ...Object.fromEntries(FIELDS.map((field) => [field, numberField(form, field) ?? Number.NaN])),
    passwordlessPasskeys: checked(form, "passwordlessPasskeys"),
    endSessionsOnPasswordReset: checked(form, "endSessionsOnPasswordReset"),
    defaultLocale: text(form, "defaultLocale") as OrgSettingsBody["defaultLocale"],
    selfServiceRegistration: checked(form, "selfServiceRegistration"),
    registrationProfileAttributes: values(form, "registrationProfileAttributes") as OrgSettingsBody["registrationProfileAttributes"],
    registrationDefaultGroupIds: values(form, "registrationDefaultGroupIds"),
  };
}

export const orgActions: Record<string, DashboardAction> = {
  "org.updateSettings": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runUpdateOrgSettings(ctx, () => settingsBody(form))), "Saved the settings. They apply at once."),
};
