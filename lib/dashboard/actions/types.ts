import type { AdminCall } from "../dashboard-context";
import type { FormFiles, FormInput } from "../form-input";

/** A value shown exactly once after an action (a client secret, an API token). */
export type Reveal = { label: string; value: string; note: string; continueHref: string; continueLabel: string };

export type ActionOutcome =
  | { ok: true; notice: string; redirectTo?: string; reveal?: Reveal }
  | { ok: false; error: string; causes: string[] };

/** One dashboard action: plain data in (the form's fields, and its files for an upload), plain data out, run only after the admin check. */
export type DashboardAction = (call: AdminCall, form: FormInput, files: FormFiles) => Promise<ActionOutcome>;
