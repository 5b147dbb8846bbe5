import { defineCatalog } from "../i18n/define-catalog";

/** The hosted page shell's own words (the footer's landmark and the privacy policy link); plain strings, no placeholders. */
export const HOSTED_SHELL_MESSAGES = defineCatalog({
  en: { footerLinks: "Help and legal links", privacyPolicy: "Privacy policy" },
  de: { footerLinks: "Hilfe und rechtliche Hinweise", privacyPolicy: "Datenschutzerklärung" },
  fr: { footerLinks: "Aide et mentions légales", privacyPolicy: "Politique de confidentialité" },
});
