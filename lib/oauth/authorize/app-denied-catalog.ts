import { defineCatalog } from "../../i18n/define-catalog";

/**
 * The page a person sees when an app's authentication policy denies them (an interactive
 * /authorize): Okta's own wording in English ("You are not allowed to access this app. To request
 * access, contact an admin."), with German and French.
 */
export const APP_DENIED_CATALOG = defineCatalog({
  en: {
    title: "You are not allowed to access this app",
    message: "Your organization's sign-in policy for {app} does not allow you to use it. To request access, contact an admin.",
    back: "Back to {app}",
  },
  de: {
    title: "Sie haben keinen Zugriff auf diese App",
    message: "Die Anmelderichtlinie Ihrer Organisation für {app} erlaubt Ihnen nicht, sie zu verwenden. Wenden Sie sich an einen Administrator, um Zugriff zu beantragen.",
    back: "Zurück zu {app}",
  },
  fr: {
    title: "Vous n’êtes pas autorisé à accéder à cette application",
    message: "La politique de connexion de votre organisation pour {app} ne vous permet pas de l’utiliser. Pour demander l’accès, contactez un administrateur.",
    back: "Retour à {app}",
  },
});
