import type { MailDelivery } from "@/lib/dashboard/outbox";

/** Says how email leaves this server: SMTP, or (development) nowhere. */
export function DeliveryNotice({ delivery }: { delivery: MailDelivery }) {
  if (delivery.mode === "smtp") {
    return (
      <p className="mb-4 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700" data-testid="mail-delivery">
        Email is delivered through the SMTP server <span className="font-mono">{delivery.server}</span> (SMTP_URL). Message contents are not shown here: they hold the recipients&apos; single-use links.
      </p>
    );
  }
  return (
    <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="mail-delivery">
      <strong>Development outbox.</strong> SMTP_URL is not set, so no email leaves this server: messages are kept here (and printed to the server&apos;s log) so that you can follow their links. Set SMTP_URL before real users depend on email.
    </p>
  );
}
