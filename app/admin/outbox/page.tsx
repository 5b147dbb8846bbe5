import Link from "next/link";
import { DataTable, EmptyState, PageHeader, Pager, SearchForm, SelectField, StatusBadge, Td, buttonClass, formatTime } from "../_components/ui";
import { read } from "../_lib/admin-request";
import { loadOutbox, mailDelivery, MAIL_STATUSES } from "@/lib/dashboard/outbox";
import { DeliveryNotice } from "./_delivery-notice";

export const metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const list = await read((ctx) => loadOutbox(ctx.db, query));
  const delivery = mailDelivery();
  const status = list.status ?? "";
  return (
    <>
      <PageHeader title="Outbox" description="The email this server queued: activation, password reset, email verification and security notices, newest first." />
      <DeliveryNotice delivery={delivery} />
      <SearchForm action="/admin/outbox" submitLabel="Filter">
        <div className="sm:w-64">
          <SelectField name="status" label="Status" defaultValue={status} options={[{ value: "", label: "Any" }, ...MAIL_STATUSES.map((s) => ({ value: s, label: s }))]} />
        </div>
      </SearchForm>
      {list.error ? (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {list.error}
        </p>
      ) : null}
      {list.items.length === 0 ? (
        <EmptyState title={status ? `No ${status} messages` : "No email yet"}>
          {delivery.mode === "outbox" ? "Messages appear here when a user is activated, asks for a password reset or verifies an address." : "Messages appear here when they are queued for delivery."}
        </EmptyState>
      ) : (
        <DataTable caption="Email messages" headers={["To", "Subject", "Status", "Attempts", "Created"]}>
          {list.items.map((message) => (
            <tr key={message.id}>
              <Td className="break-all">{message.toAddress}</Td>
              <Td className="min-w-48">
                <Link href={`/admin/outbox/${message.id}`} className={buttonClass.link}>
                  {message.subject}
                </Link>
              </Td>
              <Td>
                <StatusBadge status={message.status} />
              </Td>
              <Td>{message.attempts}</Td>
              <Td className="whitespace-nowrap">{formatTime(message.created)}</Td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager basePath="/admin/outbox" params={{ status }} after={typeof query.after === "string" ? query.after : undefined} next={list.nextCursor} />
    </>
  );
}
