import { readMailBrand } from "../branding/read-mail-brand";
import type { InTransaction } from "../db/record-change";
import type { Locale } from "../i18n/locales";
import type { MailBrand } from "./mail-brand";

/**
 * The brand the emails of this org are rendered with, read inside the transaction that queues
 * them, so a message queued with a brand change shows that change: the org's brand (lib/branding),
 * its logo as an absolute URL under `orgUrl` (the caller's AppContext.orgUrl), where mail clients
 * fetch it; the footer's words in the email's `locale`.
 */
export async function loadMailBrand(tx: InTransaction, input: { orgUrl: string; locale: Locale }): Promise<MailBrand> {
  return readMailBrand(tx, { orgUrl: input.orgUrl.replace(/\/+$/, ""), locale: input.locale });
}
