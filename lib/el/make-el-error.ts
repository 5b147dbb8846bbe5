import type { ElError, ElErrorCode } from './types';

/** Builds an ElError, leaving `position` absent (not undefined) when unknown. */
export function makeElError(code: ElErrorCode, message: string, position?: number): ElError {
  return position === undefined ? { code, message } : { code, message, position };
}

/** Adds a position to an error that has none yet. */
export function withPosition(error: ElError, position: number | undefined): ElError {
  if (error.position !== undefined || position === undefined) return error;
  return { ...error, position };
}

/** Quotes a piece of source for a message, shortened so messages stay readable. */
export function quoteSnippet(text: string): string {
  const short = text.length > 24 ? `${text.slice(0, 21)}...` : text;
  return `'${short}'`;
}
