import { notFound } from "next/navigation";
import { pageOf } from "@/lib/admin/pagination";
import { runListSystemLogEvents } from "@/lib/admin/system-log/list-system-log-events";
import { DefinitionList, JsonBlock, PageHeader, Section, StatusBadge, formatTime } from "../../_components/ui";
import { adminCall, read } from "../../_lib/admin-request";

export const metadata = { title: "System Log event" };

export default async function LogEventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(eventId)) notFound();
  const call = await adminCall();
  const query = { filter: `uuid eq "${eventId}"`, since: "1970-01-01T00:00:00.000Z", until: call.app.now().toISOString(), page: pageOf(1, null) };
  const { items } = await read((ctx) => runListSystemLogEvents(ctx, () => query));
  const event = items[0];
  if (!event) notFound();
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/admin/system-log", label: "System Log" }]} title={event.displayMessage} description={<span className="font-mono">{event.eventType}</span>} />
      <Section title="Summary">
        <DefinitionList
          items={[
            ["Time", formatTime(event.published)],
            ["Outcome", <StatusBadge key="o" status={event.outcome.result} />],
            ["Reason", event.outcome.reason ?? "—"],
            ["Severity", event.severity],
            ["Actor", `${event.actor.alternateId ?? event.actor.displayName ?? ""} (${event.actor.type} ${event.actor.id})`],
            ["IP address", event.client?.ipAddress ?? "—"],
            ["Event ID", <span key="id" className="font-mono">{event.uuid}</span>],
          ]}
        />
      </Section>
      <Section title="Full event">
        <JsonBlock label="Full event (JSON)" value={event} />
      </Section>
    </>
  );
}
