import { defineCatalog } from "../i18n/define-catalog";
import { createTranslator } from "../i18n/format-message";
import type { Locale } from "../i18n/locales";

/**
 * The texts of self-service registration: the sign-in page's "Create an account" link, the "Create
 * account" page and the email-verification link's page. ICU MessageFormat; en, de and fr complete.
 * (The profile fields' labels are My Account's, the password errors and link notices the account pages'.)
 */
export const REGISTRATION_MESSAGES = defineCatalog({
  en: {
    "signin.createAccount": "Create an account",
    "register.title": "Create your account",
    "register.intro": "We will email you a link to confirm your address. You can sign in once you have opened it.",
    "register.email": "Email address",
    "register.password": "Password",
    "register.confirm": "Repeat the password",
    "register.optional": "{label} (optional)",
    "register.submit": "Create account",
    "register.invalid": "Your account was not created. Correct the fields marked below.",
    "register.sentTitle": "Check your email",
    "register.sent": "If this address can be registered, we have emailed it a link to confirm it. The link works once and expires in {minutes, plural, one {# minute} other {# minutes}}. If you already have an account, sign in or reset your password instead.",
    "verify.title": "Confirm your email address",
    "verify.intro": "Enter the password you chose for {login} to confirm your address and activate your account.",
    "verify.password": "Password",
    "verify.submit": "Confirm and sign in",
    "verify.wrong": "This is not the password chosen for this account.",
    "verify.next": "Create your account again to get a new link.",
  },
  de: {
    "signin.createAccount": "Konto erstellen",
    "register.title": "Erstellen Sie Ihr Konto",
    "register.intro": "Wir senden Ihnen per E-Mail einen Link, mit dem Sie Ihre Adresse bestätigen. Danach können Sie sich anmelden.",
    "register.email": "E-Mail-Adresse",
    "register.password": "Passwort",
    "register.confirm": "Passwort wiederholen",
    "register.optional": "{label} (optional)",
    "register.submit": "Konto erstellen",
    "register.invalid": "Ihr Konto wurde nicht erstellt. Korrigieren Sie die unten markierten Felder.",
    "register.sentTitle": "Prüfen Sie Ihre E-Mails",
    "register.sent": "Wenn diese Adresse registriert werden kann, haben wir ihr einen Link zur Bestätigung gesendet. Der Link funktioniert einmal und läuft in {minutes, plural, one {# Minute} other {# Minuten}} ab. Wenn Sie bereits ein Konto haben, melden Sie sich an oder setzen Sie Ihr Passwort zurück.",
    "verify.title": "Bestätigen Sie Ihre E-Mail-Adresse",
    "verify.intro": "Geben Sie das Passwort ein, das Sie für {login} gewählt haben, um Ihre Adresse zu bestätigen und Ihr Konto zu aktivieren.",
    "verify.password": "Passwort",
    "verify.submit": "Bestätigen und anmelden",
    "verify.wrong": "Dies ist nicht das für dieses Konto gewählte Passwort.",
    "verify.next": "Erstellen Sie Ihr Konto erneut, um einen neuen Link zu erhalten.",
  },
  fr: {
    "signin.createAccount": "Créer un compte",
    "register.title": "Créez votre compte",
    "register.intro": "Nous vous enverrons par e-mail un lien pour confirmer votre adresse. Vous pourrez vous connecter une fois que vous l’aurez ouvert.",
    "register.email": "Adresse e-mail",
    "register.password": "Mot de passe",
    "register.confirm": "Confirmez le mot de passe",
    "register.optional": "{label} (facultatif)",
    "register.submit": "Créer le compte",
    "register.invalid": "Votre compte n’a pas été créé. Corrigez les champs signalés ci-dessous.",
    "register.sentTitle": "Consultez vos e-mails",
    "register.sent": "Si cette adresse peut être enregistrée, nous lui avons envoyé un lien pour la confirmer. Le lien ne fonctionne qu’une fois et expire dans {minutes, plural, one {# minute} other {# minutes}}. Si vous avez déjà un compte, connectez-vous ou réinitialisez votre mot de passe.",
    "verify.title": "Confirmez votre adresse e-mail",
    "verify.intro": "Saisissez le mot de passe choisi pour {login} afin de confirmer votre adresse et d’activer votre compte.",
    "verify.password": "Mot de passe",
    "verify.submit": "Confirmer et se connecter",
    "verify.wrong": "Ce n’est pas le mot de passe choisi pour ce compte.",
    "verify.next": "Créez à nouveau votre compte pour recevoir un nouveau lien.",
  },
});

export type RegistrationMessageKey = keyof (typeof REGISTRATION_MESSAGES)["en"];

/** The registration pages' translator in `locale`. */
export const registrationTranslator = (locale: Locale) => createTranslator(REGISTRATION_MESSAGES, locale);
