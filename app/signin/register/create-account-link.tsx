import { registrationTranslator } from "@/lib/hosted/registration-messages";
import { recoveryPaths } from "@/lib/hosted/recovery-urls";
import type { Locale } from "@/lib/i18n/locales";
import { LINK } from "../_recovery/recovery-ui";

/** "Create an account" under the sign-in form (only while the org allows self-service registration), keeping the flow for the way back. */
export function CreateAccountLink({ flow, locale }: { flow: Record<string, string>; locale: Locale }) {
  return (
    <p className="mt-2 text-sm" lang={locale}>
      <a href={recoveryPaths.register(flow)} className={LINK}>
        {registrationTranslator(locale)("signin.createAccount")}
      </a>
    </p>
  );
}
