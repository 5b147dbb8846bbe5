import { defineCatalog } from "../i18n/define-catalog";

/** The words every hosted page shares: the card's "Continue to <app>", the password field's toggle. */
export const HOSTED_PAGE_MESSAGES = defineCatalog({
  en: {
    "card.continueTo": "Continue to {app}",
    "password.show": "Show",
    "password.hide": "Hide",
    "password.showLabel": "Show password",
    "password.hideLabel": "Hide password",
  },
  de: {
    "card.continueTo": "Weiter zu {app}",
    "password.show": "Anzeigen",
    "password.hide": "Verbergen",
    "password.showLabel": "Passwort anzeigen",
    "password.hideLabel": "Passwort verbergen",
  },
  fr: {
    "card.continueTo": "Continuer vers {app}",
    "password.show": "Afficher",
    "password.hide": "Masquer",
    "password.showLabel": "Afficher le mot de passe",
    "password.hideLabel": "Masquer le mot de passe",
  },
});
