import { defineCatalog } from "../i18n/define-catalog";
import { formatMessage } from "../i18n/format-message";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";

/** A message a person reads on a hosted page: its HTTP status, title and text. */
export type HostedMessage = { status: number; title: string; text: string };

/**
 * Every message of the hosted flow that stands on a page of its own (what cannot go back to an
 * app), written once, with its HTTP status: the pages rendered as strings (hostedErrorPages,
 * bodyTooLargePage, the /authorize error pages) and the React pages (app/_hosted/hosted-notice:
 * /signin, /consent) both read it, so the same situation reads the same wherever it is detected.
 */
export const HOSTED_MESSAGE_STATUS = {
  /** unknown, expired or already finished sign-in request */
  expired: 400,
  /** the form or resume step does not come from the browser that started the request */
  csrf: 403,
  /** the database is down, frozen or out of connections: nothing happened, the same step can be tried again */
  unavailable: 503,
  /** anything unexpected */
  serverError: 500,
  /** a form post larger than any hosted form can be (RFC 9110 15.5.14) */
  tooLarge: 413,
  /** /authorize: an unknown client or an unregistered redirect URI (never redirected to) */
  invalidAuthorizeRequest: 400,
  /** the resume step: the app was deactivated or its redirect URI removed during the sign-in */
  appChangedDuringSignin: 400,
} as const;

export type HostedMessageKey = keyof typeof HOSTED_MESSAGE_STATUS;

/** How long a sign-in request lives, as the expired page says (PENDING_LIFETIME_MS; tests/hosted checks they agree). */
export const SIGN_IN_REQUEST_MINUTES = 10;

/** The texts of HOSTED_MESSAGE_STATUS (`<key>.title`, `<key>.text`) and the words of the message pages themselves. */
export const HOSTED_MESSAGE_CATALOG = defineCatalog({
  en: {
    "expired.title": "This sign-in link has expired",
    "expired.text": "Sign-in requests are valid for {minutes, plural, one {# minute} other {# minutes}} and can be used once. Go back to the application and sign in again.",
    "csrf.title": "We could not verify this request",
    "csrf.text": "This sign-in request was started in another browser or its cookies were removed. Go back to the application and sign in again.",
    "unavailable.title": "Service temporarily unavailable",
    "unavailable.text": "We could not complete this step right now. Nothing was changed: wait a few seconds, then reload this page or go back to the application and try again.",
    "serverError.title": "Something went wrong",
    "serverError.text": "The server could not complete the request. Try again in a moment, or go back to the application.",
    "tooLarge.title": "This request is too large",
    "tooLarge.text": "The form sent more data than a sign-in page accepts. Go back to the application and sign in again.",
    "invalidAuthorizeRequest.title": "This application's sign-in request is not valid",
    "invalidAuthorizeRequest.text": "The application sent a request this server cannot accept, so you cannot be sent back to it. Contact the application's owner.",
    "appChangedDuringSignin.title": "This application's sign-in request is not valid",
    "appChangedDuringSignin.text": "The application changed while you were signing in. Go back to the application and sign in again.",
    "page.tryAgain": "Try again",
    "page.errorDetails": "Error:",
    "page.notLoaded": "This page could not be loaded right now. Nothing was changed: wait a few seconds and try again.",
  },
  de: {
    "expired.title": "Dieser Anmeldelink ist abgelaufen",
    "expired.text": "Anmeldeanfragen sind {minutes, plural, one {# Minute} other {# Minuten}} lang gültig und können nur einmal verwendet werden. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.",
    "csrf.title": "Wir konnten diese Anfrage nicht überprüfen",
    "csrf.text": "Diese Anmeldeanfrage wurde in einem anderen Browser gestartet, oder ihre Cookies wurden gelöscht. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.",
    "unavailable.title": "Dienst vorübergehend nicht verfügbar",
    "unavailable.text": "Dieser Schritt konnte gerade nicht abgeschlossen werden. Es wurde nichts geändert: Warten Sie einige Sekunden, laden Sie dann diese Seite neu oder kehren Sie zur Anwendung zurück und versuchen Sie es erneut.",
    "serverError.title": "Etwas ist schiefgelaufen",
    "serverError.text": "Der Server konnte die Anfrage nicht abschließen. Versuchen Sie es gleich noch einmal oder kehren Sie zur Anwendung zurück.",
    "tooLarge.title": "Diese Anfrage ist zu groß",
    "tooLarge.text": "Das Formular hat mehr Daten gesendet, als eine Anmeldeseite annimmt. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.",
    "invalidAuthorizeRequest.title": "Die Anmeldeanfrage dieser Anwendung ist ungültig",
    "invalidAuthorizeRequest.text": "Die Anwendung hat eine Anfrage gesendet, die dieser Server nicht annehmen kann. Deshalb können Sie nicht zu ihr zurückgeleitet werden. Wenden Sie sich an die Betreiber der Anwendung.",
    "appChangedDuringSignin.title": "Die Anmeldeanfrage dieser Anwendung ist ungültig",
    "appChangedDuringSignin.text": "Die Anwendung wurde während Ihrer Anmeldung geändert. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.",
    "page.tryAgain": "Erneut versuchen",
    "page.errorDetails": "Fehler:",
    "page.notLoaded": "Diese Seite konnte gerade nicht geladen werden. Es wurde nichts geändert: Warten Sie einige Sekunden und versuchen Sie es erneut.",
  },
  fr: {
    "expired.title": "Ce lien de connexion a expiré",
    "expired.text": "Les demandes de connexion sont valables {minutes, plural, one {# minute} other {# minutes}} et ne peuvent être utilisées qu’une seule fois. Revenez à l’application et reconnectez-vous.",
    "csrf.title": "Nous n’avons pas pu vérifier cette demande",
    "csrf.text": "Cette demande de connexion a été lancée dans un autre navigateur, ou ses cookies ont été supprimés. Revenez à l’application et reconnectez-vous.",
    "unavailable.title": "Service temporairement indisponible",
    "unavailable.text": "Nous n’avons pas pu terminer cette étape pour le moment. Rien n’a été modifié : patientez quelques secondes, puis rechargez cette page ou revenez à l’application et réessayez.",
    "serverError.title": "Une erreur s’est produite",
    "serverError.text": "Le serveur n’a pas pu traiter la demande. Réessayez dans un instant ou revenez à l’application.",
    "tooLarge.title": "Cette demande est trop volumineuse",
    "tooLarge.text": "Le formulaire a envoyé plus de données qu’une page de connexion n’en accepte. Revenez à l’application et reconnectez-vous.",
    "invalidAuthorizeRequest.title": "La demande de connexion de cette application n’est pas valide",
    "invalidAuthorizeRequest.text": "L’application a envoyé une demande que ce serveur ne peut pas accepter ; vous ne pouvez donc pas y être renvoyé. Contactez le responsable de l’application.",
    "appChangedDuringSignin.title": "La demande de connexion de cette application n’est pas valide",
    "appChangedDuringSignin.text": "L’application a été modifiée pendant votre connexion. Revenez à l’application et reconnectez-vous.",
    "page.tryAgain": "Réessayer",
    "page.errorDetails": "Erreur :",
    "page.notLoaded": "Cette page n’a pas pu être chargée pour le moment. Rien n’a été modifié : patientez quelques secondes et réessayez.",
  },
});

/** A catalogued message in a locale (default English), with its status. */
export function hostedMessage(key: HostedMessageKey, locale: Locale = DEFAULT_LOCALE): HostedMessage {
  const values = { minutes: SIGN_IN_REQUEST_MINUTES };
  return {
    status: HOSTED_MESSAGE_STATUS[key],
    title: formatMessage(HOSTED_MESSAGE_CATALOG, locale, `${key}.title`, values),
    text: formatMessage(HOSTED_MESSAGE_CATALOG, locale, `${key}.text`, values),
  };
}
