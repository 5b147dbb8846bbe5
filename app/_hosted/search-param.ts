export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A query parameter given once, else null (a repeated parameter is not trusted). */
export function searchParam(params: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = params[name];
  return typeof value === "string" ? value : null;
}
