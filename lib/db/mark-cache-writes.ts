import { Prisma } from "./generated/sqlite/client";
import { CACHE_TOPICS, topicsFedBy } from "./cache-topics";
import { markTopicChanged } from "./topic-generations";

/** Prisma's model operations that write. */
const WRITES = ["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"] as const;

type QueryCallback = (params: { model: string; args: unknown; query: (args: unknown) => Promise<unknown> }) => Promise<unknown>;

/** After the write, marks the topics its model feeds changed in this process. */
const markAfterWrite: QueryCallback = async ({ model, args, query }) => {
  const result = await query(args);
  for (const topic of topicsFedBy(model)) markTopicChanged(topic);
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
 * version itself is moved by the database's triggers in the same transaction; a read racing the
 * transaction's commit sees the change within the interval, as other instances do. Reads, and
 * writes of other models, have no callback (nothing is added to their path).
 */
export const markCacheWrites = Prisma.defineExtension({ name: "mark-cache-writes", query: callbacks as object });
