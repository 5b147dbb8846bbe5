import { notFound } from "next/navigation";
import { DefinitionList, PageHeader, Section, StatusBadge, buttonClass, formatTime } from "../../_components/ui";
import { read } from "../../_lib/admin-request";
import { loadOutboxMessage, outboxPreviewHtml, textWithLinks } from "@/lib/dashboard/outbox";

export const metadata = { title: "Email message" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  const { messageId } = await params;
  const message = await read((ctx) => loadOutboxMessage(ctx.db, messageId));
  if (!message) notFound();
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/admin/outbox", label: "Outbox" }]} title={message.subject} description={`To ${message.toAddress}`} />
      <Section title="Delivery">
        <DefinitionList
          items={[
            ["To", message.toAddress],
            ["Status", <StatusBadge key="s" status={message.status} />],
            ["Template", message.template],
            ["Language", message.locale],
            ["Attempts", String(message.attempts)],
            ["Created", formatTime(message.created)],
            ["Sent", formatTime(message.sentAt)],
            ...(message.status === "QUEUED" ? ([["Next attempt", formatTime(message.nextAttemptAt)]] as Array<[string, string]>) : []),
            ["Last error", message.lastError ?? "—"],
          ]}
        />
      </Section>
      {message.bodies ? (
        <>
          <Section title="Text" description="The plain-text part, as a mail client without HTML shows it.">
            <pre tabIndex={0} role="region" aria-label="Text body" className="overflow-x-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-900" data-testid="text-body">
              {textWithLinks(message.bodies.text).map((part, i) =>
                "link" in part ? (
                  <a key={i} href={part.link} target="_blank" rel="noopener noreferrer" className={buttonClass.link}>
                    {part.link}
                  </a>
                ) : (
                  part.text
                ),
              )}
            </pre>
          </Section>
          <Section title="HTML" description="The HTML part, shown in a sandboxed frame: no script runs, links open in a new tab.">
            <iframe
              title={`HTML body: ${message.subject}`}
              srcDoc={outboxPreviewHtml(message.bodies.html)}
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              referrerPolicy="no-referrer"
              className="h-[36rem] w-full rounded-md border border-slate-200 bg-white"
              data-testid="html-body"
            />
          </Section>
        </>
      ) : (
        <Section title="Content">
          <p className="text-sm text-slate-700">{message.hiddenReason}</p>
        </Section>
      )}
    </>
  );
}
