import { DEFAULT_PRODUCT_NAME } from "../config/mail-settings";

/** How an email looks: the product's name (in subjects and the header), logo, button colour and footer links. */
export type MailBrand = {
  productName: string;
  /** an absolute http(s) URL of an image shown in the header instead of the name */
  logoUrl?: string;
  /** `#rrggbb`: the button and the header rule */
  primaryColor: string;
  footerLinks: Array<{ label: string; url: string }>;
};

/** The neutral brand when the org has none: the product name of MAIL_PRODUCT_NAME (default "Identity Provider"), a plain blue. */
export function defaultMailBrand(productName: string = DEFAULT_PRODUCT_NAME): MailBrand {
  return { productName, primaryColor: "#1d4ed8", footerLinks: [] };
}
