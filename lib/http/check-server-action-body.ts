/**
 * Next.js decodes a server action's arguments (React's `decodeReply`) before our action runs, and
 * answers 500 when they cannot be decoded: a body that is not JSON, a multipart body that does not
 * parse, a reference (`"$Q0"`, `"$@1"`, `"$h2"`) to a part that is not there. Our actions take
 * plain values and FormData, for which React's client only ever sends JSON whose strings starting
 * with "$" are escapes (`"$$..."`), tags of plain values, or FormData references (`"$K1"`, its
 * entries in parts named `1_...`; none for an empty form); anything else is refused here first
 * (proxy.ts), so that a hostile body gets a 400, not a 500.
 */

/** What a server action's body may hold, given as the parsed form (multipart) or the text. */
export type ServerActionBody = { kind: "text"; text: string } | { kind: "multipart"; fields: ReadonlyArray<[string, string | null]> };

const MAX_DEPTH = 64;
/** React's tags for values JSON cannot hold (undefined, dates, bigints, -0, NaN, infinities). */
const PLAIN_VALUE = /^\$(?:undefined|D.*|n-?\d+|-0|NaN|-?Infinity)$/;
/** A FormData argument (id in hex): the decoder gathers the parts named `<id>_...`, none or many. */
const FORM_DATA_REFERENCE = /^\$K[0-9a-f]+$/;

/** Why the body cannot be a React reply (null: it can). */
export function checkServerActionBody(body: ServerActionBody): string | null {
  let root: string;
  if (body.kind === "text") {
    root = body.text;
  } else {
    const rootField = body.fields.find(([name]) => name === "0");
    if (!rootField) return "The multipart body has no root part.";
    if (rootField[1] === null) return "The root part is a file.";
    root = rootField[1];
  }
  let value: unknown;
  try {
    value = JSON.parse(root);
  } catch {
    return "The body is not JSON.";
  }
  return checkValue(value, 0);
}

function checkValue(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return `The body is nested deeper than ${MAX_DEPTH} levels.`;
  if (typeof value === "string") {
    if (!value.startsWith("$") || value.startsWith("$$") || PLAIN_VALUE.test(value) || FORM_DATA_REFERENCE.test(value)) return null;
    return `The body refers to '${value.slice(0, 20)}', which it does not hold.`;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = checkValue(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) {
      const problem = checkValue(item, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}
