import { MAX_GRACE_SECONDS, MAX_LOCKOUT_THRESHOLD, MAX_LOG_RETENTION_DAYS, MAX_SESSION_MINUTES, RECOVERY_TOKEN_MINUTES, REGISTRATION_LIMITS, REGISTRATION_PROFILE_ATTRIBUTES } from "@/lib/dashboard/org-settings-limits";
import { runGetOrgSettings } from "@/lib/admin/org-settings/get-org-settings";
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "@/lib/i18n/locales";
import { ActionForm } from "../_components/action-form";
import { Picker } from "../_components/picker";
import { Checkbox, formatTime, PageHeader, Section, SelectField, TextField } from "../_components/ui";
import { read } from "../_lib/admin-request";
import { pickerSelection } from "../_lib/picker-selection";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const settings = await read((ctx) => runGetOrgSettings(ctx));
  const groups = await pickerSelection("okta-group", settings.registrationDefaultGroupIds);
  return (
    <>
      <PageHeader title="Settings" description={`Org-wide security settings. They apply at once on every instance. Last changed ${formatTime(settings.lastUpdated)}.`} />
      <ActionForm action="org.updateSettings" submitLabel="Save settings">
        <Section title="Sign-in" description="Applies to the hosted sign-in page, the Authentication API and the password grant.">
          <div className="grid max-w-2xl grid-cols-1 gap-4">
            <TextField name="lockoutThreshold" label="Lockout after failed sign-ins" type="number" min={0} max={MAX_LOCKOUT_THRESHOLD} defaultValue={settings.lockoutThreshold} required hint={`Consecutive wrong passwords or factor codes before the account is locked (0 to ${MAX_LOCKOUT_THRESHOLD}; 0 never locks). An admin unlocks it from the user's page.`} />
            <Checkbox
              name="passwordlessPasskeys"
              id="f-passwordlessPasskeys"
              label="Allow passwordless sign-in with a passkey"
              defaultChecked={settings.passwordlessPasskeys}
              hint="The hosted sign-in page offers “Sign in with a passkey”: a user with a registered passkey signs in without a password (the passkey verifies the user, which counts as two factors)."
            />
          </div>
        </Section>
        <Section title="Language" description="The hosted sign-in and consent pages and the emails speak the language the app asks for (ui_locales), else the browser's (Accept-Language), else this one.">
          <div className="grid max-w-2xl grid-cols-1 gap-4">
            <SelectField name="defaultLocale" label="Default language" defaultValue={settings.defaultLocale} required options={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))} />
          </div>
        </Section>
        <Section title="Account recovery" description="The hosted “Forgot password?” page, /api/v1/authn/recovery/password and the admin’s reset_password link.">
          <div className="grid max-w-2xl grid-cols-1 gap-4">
            <TextField name="recoveryTokenLifetimeMinutes" label="Password reset link lifetime (minutes)" type="number" min={RECOVERY_TOKEN_MINUTES.min} max={RECOVERY_TOKEN_MINUTES.max} defaultValue={settings.recoveryTokenLifetimeMinutes} required hint={`How long a password reset link works (${RECOVERY_TOKEN_MINUTES.min} minutes to 7 days). Each link works once; a new one replaces the previous.`} />
            <Checkbox
              name="endSessionsOnPasswordReset"
              id="f-endSessionsOnPasswordReset"
              label="End other sessions when a password is reset"
              defaultChecked={settings.endSessionsOnPasswordReset}
              hint="A reset through a recovery link ends the user’s other sessions and revokes their refresh tokens."
            />
          </div>
        </Section>
        <Section title="Self-service registration" description="A “Create account” link on the hosted sign-in page (/signin/register). New accounts stay pending until the email's verification link is followed.">
          <div className="grid max-w-2xl grid-cols-1 gap-4">
            <Checkbox name="selfServiceRegistration" id="f-selfServiceRegistration" label="Let people create their own account" defaultChecked={settings.selfServiceRegistration} hint="Off by default. Registration asks for email, first and last name, a password (the password policy applies) and the attributes below." />
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Extra profile fields on the registration page</legend>
              <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
                {REGISTRATION_PROFILE_ATTRIBUTES.map((attribute) => (
                  <Checkbox key={attribute} name="registrationProfileAttributes" id={`f-registration-${attribute}`} value={attribute} label={attribute} defaultChecked={(settings.registrationProfileAttributes as readonly string[]).includes(attribute)} />
                ))}
              </div>
            </fieldset>
            <Picker kind="okta-group" name="registrationDefaultGroupIds" id="registration-groups" label="Groups a new account joins" selected={settings.registrationDefaultGroupIds.map((id) => groups.get(id)!)} hint="Once the email is verified (at most 20)." />
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <TextField name="registrationLinkLifetimeMinutes" label="Verification link lifetime (minutes)" type="number" min={REGISTRATION_LIMITS.linkMinutes.min} max={REGISTRATION_LIMITS.linkMinutes.max} defaultValue={settings.registrationLinkLifetimeMinutes} required hint="An unverified registration is removed after this." />
              <TextField name="registrationsPerMinute" label="Registrations per minute (whole org)" type="number" min={REGISTRATION_LIMITS.perMinute.min} max={REGISTRATION_LIMITS.perMinute.max} defaultValue={settings.registrationsPerMinute} required hint="On top of the limits per address and per network address." />
            </div>
          </div>
        </Section>
        <Section title="Sessions" description="The SSO session a sign-in starts (the sid cookie).">
          <div className="grid max-w-2xl grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField name="sessionIdleMinutes" label="Idle timeout (minutes)" type="number" min={1} max={MAX_SESSION_MINUTES} defaultValue={settings.sessionIdleMinutes} required hint="Ends a session unused this long (1 minute to 90 days)." />
            <TextField name="sessionMaxMinutes" label="Maximum lifetime (minutes)" type="number" min={1} max={MAX_SESSION_MINUTES} defaultValue={settings.sessionMaxMinutes} required hint="Ends a session this long after sign-in, whatever the use." />
          </div>
        </Section>
        <Section title="Tokens">
          <div className="grid max-w-2xl grid-cols-1 gap-4">
            <TextField name="refreshTokenGraceSeconds" label="Refresh token reuse grace period (seconds)" type="number" min={0} max={MAX_GRACE_SECONDS} defaultValue={settings.refreshTokenGraceSeconds} required hint={`How long a rotated refresh token still works, so that two tabs refreshing at once do not sign the user out (0 to ${MAX_GRACE_SECONDS}). After it, a reused token revokes its whole family.`} />
          </div>
        </Section>
        <Section title="System Log">
          <div className="grid max-w-2xl grid-cols-1 gap-4">
            <TextField name="systemLogRetentionDays" label="Keep events (days)" type="number" min={1} max={MAX_LOG_RETENTION_DAYS} defaultValue={settings.systemLogRetentionDays} required hint={`Older events are deleted by the hourly housekeeping job (1 to ${MAX_LOG_RETENTION_DAYS} days).`} />
          </div>
        </Section>
      </ActionForm>
    </>
  );
}
