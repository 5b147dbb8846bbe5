/** A policy of one type, or a rule of one policy, as its siblings see it. */
export type Sibling = { id: string; priority: number; system: boolean };

/**
 * Where an item goes among its siblings (given in evaluation order, without the item) and which
 * siblings are renumbered. Okta's priorities are 1-based and dense; the system (default) policy or
 * rule is always evaluated last ("Policy priority and defaults"): it stays last, and an item asking
 * for its place or beyond, or for none, goes just before it. Returns the item's priority and the
 * siblings whose stored priority differs from their new one.
 */
export function placeInOrder(siblings: readonly Sibling[], requested: number | null, itemIsSystem = false): { priority: number; moved: Sibling[] } {
  const pinned = siblings.filter((sibling) => sibling.system);
  const movable = siblings.filter((sibling) => !sibling.system);
  const slot = itemIsSystem ? movable.length : requested === null ? movable.length : Math.min(Math.max(requested, 1), movable.length + 1) - 1;
  const order: Array<Sibling | null> = [...movable.slice(0, slot), null, ...movable.slice(slot), ...pinned];
  if (itemIsSystem) order.push(order.splice(slot, 1)[0]!);
  const moved = order.flatMap((sibling, index) => (sibling && sibling.priority !== index + 1 ? [{ ...sibling, priority: index + 1 }] : []));
  return { priority: order.indexOf(null) + 1, moved };
}

/** After a removal: the remaining siblings (in evaluation order) numbered 1..n; those that change. */
export function renumber(remaining: readonly Sibling[]): Sibling[] {
  return remaining.flatMap((sibling, index) => (sibling.priority === index + 1 ? [] : [{ ...sibling, priority: index + 1 }]));
}

/** The order siblings are read in: priority, then age, then id (deterministic even with ties). */
export const EVALUATION_ORDER = [{ priority: "asc" as const }, { created: "asc" as const }, { id: "asc" as const }];
