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
