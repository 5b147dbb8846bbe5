import { defineCatalog } from "../../i18n/define-catalog";

/** The words of the pages that carry an authorization response (form_post, okta_post_message). */
export const AUTHORIZE_PAGE_MESSAGES = defineCatalog({
  en: {
    "formPost.title": "Returning to the application",
    "formPost.noScript": "JavaScript is turned off. Select Continue to go back to the application.",
    "formPost.continue": "Continue",
    "postMessage.title": "Signing in",
  },
  de: {
    "formPost.title": "Zurück zur Anwendung",
    "formPost.noScript": "JavaScript ist ausgeschaltet. Wählen Sie „Weiter“, um zur Anwendung zurückzukehren.",
    "formPost.continue": "Weiter",
    "postMessage.title": "Anmeldung läuft",
  },
  fr: {
    "formPost.title": "Retour à l’application",
    "formPost.noScript": "JavaScript est désactivé. Sélectionnez « Continuer » pour revenir à l’application.",
    "formPost.continue": "Continuer",
    "postMessage.title": "Connexion en cours",
  },
});
