import { pageOf } from "@/lib/admin/pagination";
import { runListSystemLogEvents } from "@/lib/admin/system-log/list-system-log-events";
import { DataTable, EmptyState, PageHeader, Pager, SearchForm, SelectField, StatusBadge, Td, TextField } from "../_components/ui";
import { EventNameCell, EventTimeCell } from "../_components/event-cells";
import { readResult } from "../_lib/admin-request";
import { logEventDetail } from "@/lib/dashboard/log-event-detail";

export const metadata = { title: "System Log" };

const OUTCOMES = ["SUCCESS", "FAILURE", "DENY", "ALLOW", "SKIPPED", "CHALLENGE", "UNKNOWN"];
const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** datetime-local (read as UTC) or ISO -> ISO, or undefined. */
function toIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(/Z|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export default async function SystemLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { since = "", until = "", eventType = "", outcome = "", actor = "", q = "", after } = await searchParams;
  const clauses: string[] = [];
  if (eventType.trim()) clauses.push(`eventType eq ${quote(eventType.trim())}`);
  if (OUTCOMES.includes(outcome)) clauses.push(`outcome.result eq ${quote(outcome)}`);
  if (actor.trim()) clauses.push(`actor.id eq ${quote(actor.trim())}`);
  const query = { since: toIso(since), until: toIso(until), filter: clauses.join(" and ") || undefined, q: q.trim() || undefined, sortOrder: "DESCENDING", page: pageOf(50, after) };
  const result = await readResult((ctx) => runListSystemLogEvents(ctx, () => query));
  const events = result.ok ? result.value.items : [];
  return (
    <>
      <PageHeader title="System Log" description="Every change, sign-in and token decision, newest first. Without a start time the last 7 days are shown." />
      <SearchForm action="/admin/system-log" submitLabel="Filter">
        <div className="grid flex-1 grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <TextField name="since" type="datetime-local" label="From (UTC)" defaultValue={since} />
          <TextField name="until" type="datetime-local" label="To (UTC)" defaultValue={until} />
          <TextField name="eventType" label="Event type" defaultValue={eventType} placeholder="e.g. user.session.start" />
          <SelectField name="outcome" label="Outcome" defaultValue={outcome} options={[{ value: "", label: "Any" }, ...OUTCOMES.map((o) => ({ value: o, label: o }))]} />
          <TextField name="actor" label="Actor ID" defaultValue={actor} placeholder="00u…" />
          <TextField name="q" label="Keywords" defaultValue={q} />
        </div>
      </SearchForm>
      {!result.ok ? (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {result.summary} {result.causes.join(" ")}
        </p>
      ) : null}
      {events.length === 0 ? (
        <EmptyState title="No events match" />
      ) : (
        <DataTable caption="System Log events" headers={["Time", "Event", "Actor", "Outcome", "Targets"]}>
          {events.map((event) => (
            <tr key={event.uuid}>
              <EventTimeCell uuid={event.uuid} published={event.published} />
              <EventNameCell eventType={event.eventType} displayMessage={event.displayMessage} detail={logEventDetail(event)} />
              <Td className="break-all">{event.actor.alternateId ?? event.actor.displayName ?? event.actor.id}</Td>
              <Td>
                <StatusBadge status={event.outcome.result} />
              </Td>
              <Td className="break-all text-xs">{event.target.map((t) => t.displayName ?? t.alternateId ?? t.id).join(", ") || "—"}</Td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager basePath="/admin/system-log" params={{ since, until, eventType, outcome, actor, q }} after={after} next={result.ok ? result.value.nextCursor : null} />
    </>
  );
}
