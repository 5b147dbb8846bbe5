/**
 * A second process for tests/db/sqlite-write-lock.test.ts: opens its own client on the SQLite file
 * and, from the wall-clock time `startAt` on (so that both processes overlap), runs `count`
 * read-then-write transactions on one counter row (interactive and batched, in turn), then prints
 * {"done": n, "failures": [codes]} as its last line.
 */
import { createDbClient } from "@/lib/db/create-db-client";

const [url, count, topic, startAt] = process.argv.slice(2) as [string, string, string, string];
const db = createDbClient(url);

async function main(): Promise<void> {
  const failures: string[] = [];
  let done = 0;
  await db.cacheVersion.findUnique({ where: { topic } }); // connected before the start
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  for (let i = 0; i < Number(count); i++) {
    try {
      if (i % 2 === 0) {
        await db.$transaction(async (tx) => {
          const row = await tx.cacheVersion.findUnique({ where: { topic } });
          await tx.cacheVersion.update({ where: { topic }, data: { version: (row?.version ?? 0) + 1 } });
        });
      } else {
        await db.$transaction([db.cacheVersion.findUnique({ where: { topic } }), db.cacheVersion.update({ where: { topic }, data: { version: { increment: 1 } } })]);
      }
      done++;
    } catch (error) {
      failures.push(String((error as { code?: string }).code ?? (error as Error).message));
    }
  }
  await db.$disconnect();
  console.log(JSON.stringify({ done, failures }));
}

void main();
