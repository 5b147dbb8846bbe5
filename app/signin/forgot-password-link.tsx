import { recoveryTranslator } from "@/lib/hosted/recovery-messages";
import { recoveryPaths } from "@/lib/hosted/recovery-urls";
import { pageLocale } from "../_hosted/page-locale";
import { LINK } from "./_recovery/recovery-ui";

/** "Forgot password?" under the sign-in form, keeping the flow ({request} or {return_to}) for the way back. */
export async function ForgotPasswordLink({ flow }: { flow: Record<string, string> }) {
  const { locale, t } = recoveryTranslator(await pageLocale(flow.request ?? null));
  return (
    <p className="mt-4 text-sm" lang={locale}>
      <a href={recoveryPaths.forgot(flow)} className={LINK}>
        {t("signin.forgot")}
      </a>
    </p>
  );
}
