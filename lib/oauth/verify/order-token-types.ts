import type { TokenType } from "./types";

/**
 * The order in which to look a presented token up (RFC 7662 2.1, RFC 7009 2.1): the hinted type
 * first, then the others in `types` order. The hint is only a hint: an unknown or unsupported value
 * is ignored (the server "MUST extend its search across all of its supported token types").
 */
export function orderTokenTypes(hint: string | undefined, types: readonly TokenType[]): TokenType[] {
  const hinted = types.find((type) => type === hint);
  return hinted ? [hinted, ...types.filter((type) => type !== hinted)] : [...types];
}
