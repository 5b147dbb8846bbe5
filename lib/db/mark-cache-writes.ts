import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma } from "./generated/sqlite/client";
import { CACHE_TOPICS, topicsFedBy } from "./cache-topics";
import { markTopicChanged } from "./topic-generations";

/** Prisma's model operations that write. */
const WRITES = ["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"] as const;

/** The topics written by the interactive transaction this code runs in (see markAfterCommit). */
const written = new AsyncLocalStorage<Set<string>>();

type QueryCallback = (params: { model: string; args: unknown; query: (args: unknown) => Promise<unknown> }) => Promise<unknown>;

/** After the write, marks the topics its model feeds changed in this process (again after the commit, when in a transaction). */
const markAfterWrite: QueryCallback = async ({ model, args, query }) => {
  const result = await query(args);
  for (const topic of topicsFedBy(model)) {
    markTopicChanged(topic);
    written.getStore()?.add(topic);
  }
  return result;
};

/** `{ app: { create: markAfterWrite, ... }, clientSecret: {...}, ... }`: writes of the feeding models only. */
const callbacks = Object.fromEntries(
  [...new Set(Object.values(CACHE_TOPICS).flatMap((topic) => topic.models))].map((model) => [
    model.charAt(0).toLowerCase() + model.slice(1),
    Object.fromEntries(WRITES.map((operation) => [operation, markAfterWrite])),
  ]),
);

/**
 * A client extension that marks a cached topic changed in this process (lib/db/topic-generations)
 * after each write to a table that feeds it (lib/db/cache-topics.ts), so this instance's caches
 * re-check the topic's version on their next read instead of within the check interval. The
 * version itself is moved by the database's triggers in the same transaction. Reads, and writes of
 * other models, have no callback (nothing is added to their path).
 */
export const markCacheWrites = Prisma.defineExtension({ name: "mark-cache-writes", query: callbacks as object });

type TransactionMethod = (arg: unknown, options?: unknown) => Promise<unknown>;

/**
 * The client whose interactive transactions mark their topics once more after they commit: a read
 * that raced the transaction (and re-checked the version before the commit) cannot leave this
 * instance's cache stale after the change is answered. Batched transactions and single writes are
 * marked as their statements complete.
 */
export function markAfterCommit<T extends object>(client: T): T {
  const transaction = (client as unknown as { $transaction: TransactionMethod }).$transaction.bind(client);
  async function interactive(run: unknown, options?: unknown): Promise<unknown> {
    const topics = new Set<string>();
    try {
      return await written.run(topics, () => transaction(run, options));
    } finally {
      for (const topic of topics) markTopicChanged(topic);
    }
  }
  const $transaction: TransactionMethod = (arg, options) => (typeof arg === "function" ? interactive(arg, options) : transaction(arg, options));
  return new Proxy(client, { get: (target, property, receiver) => (property === "$transaction" ? $transaction : Reflect.get(target, property, receiver)) });
}
