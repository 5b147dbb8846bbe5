import { runDeleteFactor } from "../../admin/factors/delete-factor";
import { runResetFactors } from "../../admin/factors/reset-factors";
import { callOperation } from "../call-operation";
import { text, type FormInput } from "../form-input";
import { idParam, outcome } from "./outcome";
import type { DashboardAction } from "./types";

const userId = (form: FormInput) => idParam(text(form, "userId"));

/** A user's enrolled factors: reset one (Okta's unenroll) or all; the user enrolls again at their next sign-in if a policy asks. */
export const factorActions: Record<string, DashboardAction> = {
  "factor.reset": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runDeleteFactor(ctx, userId(form), idParam(text(form, "factorId")))), "Reset the factor: the user must enroll it again to use it."),
  "factor.resetAll": async (call, form) => outcome(await callOperation(call, (ctx) => runResetFactors(ctx, userId(form))), "Reset all of the user's factors."),
};
