import { defineCatalog } from "../i18n/define-catalog";
import { formatMessage } from "../i18n/format-message";
import type { Locale } from "../i18n/locales";

/** The sign-in and factor pages' errors, by the `error` query value the submit steps redirect with (the catalog's `error.<kind>`). */
export const SIGNIN_ERROR_KINDS = [
  /** wrong password, unknown user, or a user who cannot sign in: never says which */
  "invalid",
  "locked",
  "rate_limited",
  "missing",
  /** the factor step: a wrong, expired or reused one-time code */
  "code",
  /** the factor step: no code typed */
  "code_missing",
  /** a passkey that could not be verified (cancelled, unknown, or a failed assertion) */
  "passkey",
  /** the sign-on policy denies this sign-in */
  "denied",
] as const;

export type SigninError = (typeof SIGNIN_ERROR_KINDS)[number];

/** The hosted sign-in page's words (/signin), its errors and those of the factor step. */
export const SIGNIN_MESSAGES = defineCatalog({
  en: {
    "error.invalid": "Unable to sign in",
    "error.locked": "Your account is locked. Please contact your administrator.",
    "error.rate_limited": "Too many attempts, try again later.",
    "error.missing": "Enter your username and password.",
    "error.code": "That code did not work. Enter the current code from your authenticator app.",
    "error.code_missing": "Enter the 6-digit code from your authenticator app.",
    "error.passkey": "Your passkey could not be verified. Try again, or choose another way to sign in.",
    "error.denied": "You are not allowed to sign in from here. Contact your administrator.",
    "page.title": "Sign in",
    "page.heading": "Sign in",
    "page.username": "Username",
    "page.password": "Password",
    "page.submit": "Sign in",
    "page.passkey": "Sign in with a passkey",
  },
  de: {
    "error.invalid": "Anmeldung nicht möglich",
    "error.locked": "Ihr Konto ist gesperrt. Bitte wenden Sie sich an Ihren Administrator.",
    "error.rate_limited": "Zu viele Versuche. Versuchen Sie es später erneut.",
    "error.missing": "Geben Sie Ihren Benutzernamen und Ihr Passwort ein.",
    "error.code": "Dieser Code hat nicht funktioniert. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.",
    "error.code_missing": "Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.",
    "error.passkey": "Ihr Passkey konnte nicht überprüft werden. Versuchen Sie es erneut oder wählen Sie eine andere Anmeldemethode.",
    "error.denied": "Sie dürfen sich von hier aus nicht anmelden. Wenden Sie sich an Ihren Administrator.",
    "page.title": "Anmelden",
    "page.heading": "Anmelden",
    "page.username": "Benutzername",
    "page.password": "Passwort",
    "page.submit": "Anmelden",
    "page.passkey": "Mit einem Passkey anmelden",
  },
  fr: {
    "error.invalid": "Connexion impossible",
    "error.locked": "Votre compte est verrouillé. Veuillez contacter votre administrateur.",
    "error.rate_limited": "Trop de tentatives. Réessayez plus tard.",
    "error.missing": "Saisissez votre nom d’utilisateur et votre mot de passe.",
    "error.code": "Ce code n’a pas fonctionné. Saisissez le code actuel de votre application d’authentification.",
    "error.code_missing": "Saisissez le code à 6 chiffres de votre application d’authentification.",
    "error.passkey": "Votre clé d’accès n’a pas pu être vérifiée. Réessayez ou choisissez un autre moyen de connexion.",
    "error.denied": "Vous n’êtes pas autorisé à vous connecter depuis cet endroit. Contactez votre administrateur.",
    "page.title": "Se connecter",
    "page.heading": "Connexion",
    "page.username": "Nom d’utilisateur",
    "page.password": "Mot de passe",
    "page.submit": "Se connecter",
    "page.passkey": "Se connecter avec une clé d’accès",
  },
});

export function readSigninError(value: string | null | undefined): SigninError | null {
  return value && (SIGNIN_ERROR_KINDS as readonly string[]).includes(value) ? (value as SigninError) : null;
}

/** An error of the sign-in or factor page, in the page's language. */
export function signinErrorMessage(kind: SigninError, locale: Locale): string {
  return formatMessage(SIGNIN_MESSAGES, locale, `error.${kind}`);
}
