/**
 * Next.js decodes a server action's arguments (React's `decodeReply`) before our action runs, and
 * answers 500 when they cannot be decoded: a body that is not JSON, a multipart body that does not
 * parse, a reference (`"$Q0"`, `"$@1"`, `"$K9"`) to a part that is not there. React's client only
 * ever sends JSON whose strings starting with "$" are escapes (`"$$..."`), plain values, or
 * references to FormData parts it sent along; anything else is refused here first (proxy.ts), so
 * that a hostile body gets a 400, not a 500.
 */

/** What a server action's body may hold, given as the parsed form (multipart) or the text. */
export type ServerActionBody = { kind: "text"; text: string } | { kind: "multipart"; fields: ReadonlyArray<[string, string | null]> };

const MAX_DEPTH = 64;
/** React's tags for values JSON cannot hold (undefined, dates, bigints, -0, NaN, infinities). */
const PLAIN_VALUE = /^\$(?:undefined|D.*|n-?\d+|-0|NaN|-?Infinity)$/;
/** A FormData argument: its entries are the parts named `<n>_...`. */
const FORM_DATA_REFERENCE = /^\$K(\d+)$/;

/** Why the body cannot be a React reply (null: it can). */
export function checkServerActionBody(body: ServerActionBody): string | null {
  let root: string;
  let prefixes: Set<string>;
  if (body.kind === "text") {
    root = body.text;
    prefixes = new Set();
  } else {
    const rootField = body.fields.find(([name]) => name === "0");
    if (!rootField) return "The multipart body has no root part.";
    if (rootField[1] === null) return "The root part is a file.";
    root = rootField[1];
    prefixes = new Set(body.fields.map(([name]) => /^(\d+)_/.exec(name)?.[1]).filter((prefix): prefix is string => prefix !== undefined));
  }
  let value: unknown;
  try {
    value = JSON.parse(root);
  } catch {
    return "The body is not JSON.";
  }
  return checkValue(value, prefixes, 0);
}

function checkValue(value: unknown, prefixes: Set<string>, depth: number): string | null {
  if (depth > MAX_DEPTH) return `The body is nested deeper than ${MAX_DEPTH} levels.`;
  if (typeof value === "string") {
    if (!value.startsWith("$") || value.startsWith("$$") || PLAIN_VALUE.test(value)) return null;
    const formData = FORM_DATA_REFERENCE.exec(value);
    if (formData && prefixes.has(formData[1]!)) return null;
    return `The body refers to '${value.slice(0, 20)}', which it does not hold.`;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = checkValue(item, prefixes, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) {
      const problem = checkValue(item, prefixes, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}
