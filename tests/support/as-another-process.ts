/**
 * Runs `change` as another process (another instance of the app) would make it: this process's
 * "changed here" topic counters (lib/db/topic-generations, on globalThis) are put back as they
 * were, so its caches learn of the change only through the CacheVersion row, as another instance's do.
 */
export async function asAnotherProcess<T>(change: () => Promise<T>): Promise<T> {
  const generations = (globalThis as unknown as { __idpTopicGenerations?: Map<string, number> }).__idpTopicGenerations;
  const before = new Map(generations ?? []);
  try {
    return await change();
  } finally {
    if (generations) {
      generations.clear();
      for (const [topic, count] of before) generations.set(topic, count);
    }
  }
}
