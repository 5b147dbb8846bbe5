import { parseExpression } from './parse-expression';
import type { ElError } from './types';

/**
 * Validates EL source without evaluating it: null when it parses (syntax, known
 * functions, argument counts, limits), otherwise the first ElError found.
 * This is what the admin API (400 on error) and the dashboard field call.
 */
export function checkExpression(source: string): ElError | null {
  const parsed = parseExpression(source);
  return parsed.ok ? null : parsed.error;
}
