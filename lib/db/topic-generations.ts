/**
 * How often this process changed each cached topic. On globalThis: Next.js gives the
 * instrumentation hook (the protocol fast path of `npm start`'s server) and the route handlers
 * separate module instances, and a cache in either must see a change made through the other at
 * once, not only after its next version check.
 */
const holder = globalThis as unknown as { __idpTopicGenerations?: Map<string, number> };
const generations = (holder.__idpTopicGenerations ??= new Map<string, number>());

/** Records that this process changed `topic` (the database client does, after each write to a table feeding it). */
export function markTopicChanged(topic: string): void {
  generations.set(topic, (generations.get(topic) ?? 0) + 1);
}

/** This process's change counter for `topic` (0 until it first changes). */
export function topicGeneration(topic: string): number {
  return generations.get(topic) ?? 0;
}
