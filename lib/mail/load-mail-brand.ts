import { parseProductName } from "../config/mail-settings";
import type { InTransaction } from "../db/record-change";
import { defaultMailBrand, type MailBrand } from "./mail-brand";

/**
 * The brand the emails of this org are rendered with, read inside the transaction that queues
 * them. The one place lib/mail learns the org's branding: for now the neutral default (product name
 * from MAIL_PRODUCT_NAME); wired to the org's branding settings when those exist.
 */
export async function loadMailBrand(tx: InTransaction): Promise<MailBrand> {
  void tx;
  return defaultMailBrand(parseProductName(process.env));
}
