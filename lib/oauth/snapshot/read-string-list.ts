/**
 * A Json column holding a list of names (or the rule form `{name, access}`), read defensively:
 * blanks and other values dropped, duplicates removed, order kept.
 */
export function readStringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const names: string[] = [];
  for (const item of value as unknown[]) {
    const name = typeof item === "string" ? item : isNamed(item) ? item.name : null;
    if (name !== null && name.length > 0) names.push(name);
  }
  return [...new Set(names)];
}

function isNamed(item: unknown): item is { name: string } {
  return typeof item === "object" && item !== null && typeof (item as { name?: unknown }).name === "string";
}
