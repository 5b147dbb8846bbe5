import Link from "next/link";
import { DataTable, EmptyState, PageHeader, Section, StatusBadge, Td, formatTime, buttonClass } from "./_components/ui";
import { EventNameCell, EventTimeCell } from "./_components/event-cells";
import { adminCall, read } from "./_lib/admin-request";
import { loadOverview } from "@/lib/dashboard/overview";
import { permissionsOf } from "@/lib/dashboard/actions/action-permissions";
import { mayView } from "@/lib/dashboard/page-permissions";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const call = await adminCall();
  const overview = await read((ctx) => loadOverview(ctx.db, ctx.now()));
  // each part only for an admin whose roles open the page it stands for
  const shows = (href: string) => mayView(permissionsOf(call.admin.roles), href);
  const cards = [
    { label: "Users", value: overview.counts.users, href: "/admin/users" },
    { label: "Applications", value: overview.counts.apps, href: "/admin/applications" },
    { label: "Authorization servers", value: overview.counts.servers, href: "/admin/authorization-servers" },
  ].filter((card) => shows(card.href));
  return (
    <>
      <PageHeader title="Overview" description={`Signed in as ${call.admin.login}.`} />
      <ul className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3" aria-label="Counts">
        {cards.map((card) => (
          <li key={card.label}>
            <Link href={card.href} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <span className="block text-sm text-slate-600">{card.label}</span>
              <span className="block text-3xl font-semibold text-slate-900" data-testid={`count-${card.label.toLowerCase().replace(/ /g, "-")}`}>
                {card.value}
              </span>
            </Link>
          </li>
        ))}
      </ul>

      {shows("/admin/authorization-servers") ? (
        <Section title="Keys due to rotate" description="AUTO servers rotate on their own within 14 days; MANUAL servers whose key is older than 90 days should be rotated.">
          {overview.keysDue.length === 0 ? (
            <EmptyState title="No keys are due to rotate" />
          ) : (
            <DataTable caption="Keys due to rotate" headers={["Authorization server", "Rotation mode", "Last rotated", "Due"]}>
              {overview.keysDue.map((row) => (
                <tr key={row.id}>
                  <Td>
                    <Link href={`/admin/authorization-servers/${row.id}/keys`} className={buttonClass.link}>
                      {row.name}
                    </Link>
                  </Td>
                  <Td>{row.rotationMode}</Td>
                  <Td>{formatTime(row.lastRotated)}</Td>
                  <Td>{formatTime(row.due)}</Td>
                </tr>
              ))}
            </DataTable>
          )}
        </Section>
      ) : null}

      {shows("/admin/system-log") ? (
        <Section
          title="Recent denials and failures"
          description="The latest System Log events with outcome DENY or FAILURE."
          actions={
            <Link href="/admin/system-log?outcome=DENY" className={buttonClass.link}>
              Open the System Log
            </Link>
          }
        >
          {overview.denials.length === 0 ? (
            <EmptyState title="No denials or failures recently" />
          ) : (
            <DataTable caption="Recent denials and failures" headers={["Time", "Event", "Outcome", "Actor", "Reason"]}>
              {overview.denials.map((event) => (
                <tr key={event.uuid}>
                  <EventTimeCell uuid={event.uuid} published={event.published} />
                  <EventNameCell eventType={event.eventType} displayMessage={event.displayMessage} />
                  <Td>
                    <StatusBadge status={event.outcomeResult} />
                  </Td>
                  <Td>{event.actor}</Td>
                  <Td className="min-w-48 max-w-md break-words">{event.outcomeReason ?? "—"}</Td>
                </tr>
              ))}
            </DataTable>
          )}
        </Section>
      ) : null}
    </>
  );
}
