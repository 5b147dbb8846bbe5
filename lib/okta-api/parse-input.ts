import type { z } from "zod";
import { validationError } from "./admin-api-error";

/**
 * zod at the edge, once: a valid value, or E0000001 "Api validation failed: <first field>" with one
 * cause per invalid field ("<field>: <message>").
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, resource: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const causes: string[] = [];
  let firstField = resource;
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : resource;
    if (causes.length === 0) firstField = field;
    causes.push(issue.path.length ? `${field}: ${issue.message}` : issue.message);
  }
  throw validationError(firstField, [...new Set(causes)]);
}

/**
 * A value as an in-process caller (the dashboard) builds it from what a person typed, before the
 * schema checks it: the shape of the schema's input, where any string or number may stand for a
 * string literal or a number, for the schema to refuse in its own words (as it refuses the API's
 * JSON).
 */
export type Unchecked<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends readonly (infer E)[]
      ? Unchecked<E>[]
      : T extends object
        ? { [K in keyof T]: Unchecked<T[K]> }
        : T;

/** A typed operation's body: the schema's input, Unchecked. */
export type BodyOf<S extends z.ZodType> = Unchecked<z.input<S>>;
