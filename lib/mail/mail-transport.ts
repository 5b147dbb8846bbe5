import type { MailAddress } from "../config/mail-settings";

/** One message as handed to the transport. */
export type OutgoingMail = {
  /** the MailMessage id, also the Message-ID's local part (a resent message keeps its Message-ID) */
  id: string;
  from: MailAddress;
  to: string;
  subject: string;
  text: string;
  html: string;
  date: Date;
};

/**
 * What delivers a message: resolves once the server accepted it, rejects otherwise. An error with
 * `permanent: true` (an SMTP 5xx reply to the message) is not retried.
 */
export type MailTransport = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};
