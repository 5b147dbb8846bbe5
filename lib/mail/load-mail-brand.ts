import { readMailBrand } from "../branding/read-mail-brand";
import type { InTransaction } from "../db/record-change";
import type { MailBrand } from "./mail-brand";

/**
 * The brand the emails of this org are rendered with, read inside the transaction that queues
 * them, so a message queued with a brand change shows that change: the org's brand (lib/branding),
 * its logo as an absolute URL under ORG_URL, where mail clients fetch it.
 */
export async function loadMailBrand(tx: InTransaction): Promise<MailBrand> {
  return readMailBrand(tx, (process.env.ORG_URL ?? "").replace(/\/+$/, ""));
}
