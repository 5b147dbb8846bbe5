import { defineCatalog } from "../i18n/define-catalog";

/** The home page's and the 404 page's words (app/page.tsx, app/not-found.tsx), in the browser's language or the org default. */
export const SITE_MESSAGES = defineCatalog({
  en: {
    "home.intro": "A self-hosted, Okta-compatible OAuth 2.0 Authorization Server and OpenID Provider. Point apps written for Okta at this server’s URL and they sign users in here.",
    "home.links": "Where to go",
    "home.admin": "Admin sign-in",
    "home.account": "My account",
    "home.openidConfiguration": "OpenID configuration",
    "notFound.title": "Page not found",
    "notFound.text": "There is nothing at this address.",
    "notFound.home": "Back to the home page",
  },
  de: {
    "home.intro": "Ein selbst betriebener, Okta-kompatibler OAuth-2.0-Autorisierungsserver und OpenID Provider. Richten Sie für Okta geschriebene Apps auf die URL dieses Servers aus, und sie melden Benutzer hier an.",
    "home.links": "Wohin möchten Sie?",
    "home.admin": "Admin-Anmeldung",
    "home.account": "Mein Konto",
    "home.openidConfiguration": "OpenID-Konfiguration",
    "notFound.title": "Seite nicht gefunden",
    "notFound.text": "Unter dieser Adresse gibt es nichts.",
    "notFound.home": "Zurück zur Startseite",
  },
  fr: {
    "home.intro": "Un serveur d’autorisation OAuth 2.0 et fournisseur OpenID auto-hébergé, compatible avec Okta. Faites pointer les applications écrites pour Okta vers l’URL de ce serveur : elles connectent les utilisateurs ici.",
    "home.links": "Où aller",
    "home.admin": "Connexion administrateur",
    "home.account": "Mon compte",
    "home.openidConfiguration": "Configuration OpenID",
    "notFound.title": "Page introuvable",
    "notFound.text": "Il n’y a rien à cette adresse.",
    "notFound.home": "Retour à la page d’accueil",
  },
});
