// Queues email into the e2e server's database through lib/mail's queueMail, as the flows that send
// mail do (run with tsx by e2e/outbox.spec.ts, before any flow on this branch sends one itself).
// Usage: tsx e2e/queue-test-mail.ts <DATABASE_URL> '<JSON array of MailRequest>'
import { createDbClient } from "../lib/db/create-db-client";
import type { MailRequest } from "../lib/mail/mail-templates";
import { queueMail } from "../lib/mail/queue-mail";
import { E2E_IDP_PORT } from "./test-app/settings";

const [databaseUrl, json] = process.argv.slice(2);
if (!databaseUrl || !json) throw new Error("usage: queue-test-mail.ts <DATABASE_URL> <requests JSON>");
const requests = (JSON.parse(json) as MailRequest[]).map((request) => ({
  ...request,
  variables: Object.fromEntries(Object.entries(request.variables).map(([key, value]) => [key, /At$|^when$/.test(key) ? new Date(value as string) : value])),
})) as MailRequest[];

async function main(url: string) {
  const db = createDbClient(url);
  const now = new Date();
  const ids = await db.$transaction(async (tx) => {
    const queued: string[] = [];
    for (const request of requests) queued.push((await queueMail(tx, request, { now, orgUrl: `http://localhost:${E2E_IDP_PORT}` })).id);
    return queued;
  });
  await db.$disconnect();
  console.log(JSON.stringify(ids));
}

void main(databaseUrl);
