import { defineCatalog } from "../i18n/define-catalog";

/**
 * The texts of the emails (ICU MessageFormat), in every supported locale. `{productName}` is the
 * brand's name; dates arrive formatted for the locale (UTC); `{firstName}` and `{factorName}` are
 * single lines.
 */
export const MAIL_MESSAGES = defineCatalog({
  en: {
    greeting: "Hello {firstName},",
    expires: "This link expires on {expiresAt}.",
    linkFallback: "If the button does not work, copy this link into your browser:",
    ignore: "If you did not ask for this, you can ignore this email.",
    notYou: "If this was not you, contact your administrator right away.",
    automated: "This is an automated message from {productName}. Replies to it are not read.",
    "activation.subject": "Activate your {productName} account",
    "activation.intro": "An account has been created for you at {productName}. Choose a password to activate it.",
    "activation.action": "Activate account",
    "password-reset.subject": "Reset your {productName} password",
    "password-reset.intro": "We received a request to reset the password of your account. If it was you, choose a new password.",
    "password-reset.action": "Reset password",
    "email-verification.subject": "Confirm your email address",
    "email-verification.intro": "Confirm that this email address belongs to you to finish setting up your {productName} account.",
    "email-verification.action": "Confirm email address",
    "factor-enrolled.subject": "A sign-in method was added to your account",
    "factor-enrolled.body": "{factorName} was added as a sign-in method to your account on {when}.",
    "password-changed.subject": "Your {productName} password was changed",
    "password-changed.body": "The password of your account was changed on {when}.",
  },
  de: {
    greeting: "Hallo {firstName},",
    expires: "Der Link ist gültig bis {expiresAt}.",
    linkFallback: "Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:",
    ignore: "Falls Sie dies nicht angefordert haben, können Sie diese E-Mail ignorieren.",
    notYou: "Falls Sie das nicht waren, wenden Sie sich bitte umgehend an Ihren Administrator.",
    automated: "Dies ist eine automatisch versendete Nachricht von {productName}. Antworten darauf werden nicht gelesen.",
    "activation.subject": "Aktivieren Sie Ihr Konto bei {productName}",
    "activation.intro": "Für Sie wurde ein Konto bei {productName} eingerichtet. Wählen Sie ein Passwort, um es zu aktivieren.",
    "activation.action": "Konto aktivieren",
    "password-reset.subject": "Setzen Sie Ihr Passwort für {productName} zurück",
    "password-reset.intro": "Wir haben eine Anfrage erhalten, das Passwort Ihres Kontos zurückzusetzen. Wenn Sie das waren, wählen Sie ein neues Passwort.",
    "password-reset.action": "Passwort zurücksetzen",
    "email-verification.subject": "Bestätigen Sie Ihre E-Mail-Adresse",
    "email-verification.intro": "Bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört, um die Einrichtung Ihres Kontos bei {productName} abzuschließen.",
    "email-verification.action": "E-Mail-Adresse bestätigen",
    "factor-enrolled.subject": "Ihrem Konto wurde eine Anmeldemethode hinzugefügt",
    "factor-enrolled.body": "Am {when} wurde Ihrem Konto {factorName} als Anmeldemethode hinzugefügt.",
    "password-changed.subject": "Ihr Passwort für {productName} wurde geändert",
    "password-changed.body": "Das Passwort Ihres Kontos wurde am {when} geändert.",
  },
  fr: {
    greeting: "Bonjour {firstName},",
    expires: "Ce lien expire le {expiresAt}.",
    linkFallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
    ignore: "Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail.",
    notYou: "Si ce n’était pas vous, contactez immédiatement votre administrateur.",
    automated: "Ceci est un message automatique envoyé par {productName}. Les réponses à ce message ne sont pas lues.",
    "activation.subject": "Activez votre compte {productName}",
    "activation.intro": "Un compte a été créé pour vous sur {productName}. Choisissez un mot de passe pour l’activer.",
    "activation.action": "Activer le compte",
    "password-reset.subject": "Réinitialisez votre mot de passe {productName}",
    "password-reset.intro": "Nous avons reçu une demande de réinitialisation du mot de passe de votre compte. Si elle vient de vous, choisissez un nouveau mot de passe.",
    "password-reset.action": "Réinitialiser le mot de passe",
    "email-verification.subject": "Confirmez votre adresse e-mail",
    "email-verification.intro": "Confirmez que cette adresse e-mail vous appartient pour terminer la configuration de votre compte {productName}.",
    "email-verification.action": "Confirmer l’adresse e-mail",
    "factor-enrolled.subject": "Une méthode de connexion a été ajoutée à votre compte",
    "factor-enrolled.body": "{factorName} a été ajouté comme méthode de connexion à votre compte le {when}.",
    "password-changed.subject": "Votre mot de passe {productName} a été modifié",
    "password-changed.body": "Le mot de passe de votre compte a été modifié le {when}.",
  },
});

export type MailMessageKey = keyof (typeof MAIL_MESSAGES)["en"];
