/** A row of an ordered list (policies of a server, rules of a policy). */
export type Ranked = { id: string; priority: number };

/**
 * Okta's priorities are 1-based, dense and unique among siblings. Placing an item at `requested`
 * among the `others` (its siblings, in their current order, without the item itself) shifts the
 * siblings from that position on down by one; an omitted or too-large priority puts it last. The
 * siblings are renumbered densely whatever their stored priorities were. Returns the item's
 * priority and the siblings whose priority changes.
 */
export function placeAt(others: readonly Ranked[], requested: number | null | undefined): { priority: number; changes: Ranked[] } {
  const priority = requested != null && requested >= 1 && requested <= others.length ? Math.floor(requested) : others.length + 1;
  const changes: Ranked[] = [];
  others.forEach((row, index) => {
    const next = index + 1 < priority ? index + 1 : index + 2;
    if (row.priority !== next) changes.push({ id: row.id, priority: next });
  });
  return { priority, changes };
}

/** After a removal: the remaining siblings (in order) renumbered 1..n; returns those that change. */
export function closeGap(remaining: readonly Ranked[]): Ranked[] {
  return remaining.flatMap((row, index) => (row.priority === index + 1 ? [] : [{ id: row.id, priority: index + 1 }]));
}

/** The order siblings are read in: priority, then age, then id (deterministic even with ties). */
export const PRIORITY_ORDER = [{ priority: "asc" as const }, { created: "asc" as const }, { id: "asc" as const }];
