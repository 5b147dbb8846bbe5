import { validationError } from "../../okta-api/admin-api-error";
import { FilterSyntaxError } from "./parse-filter-expression";

/**
 * Runs a parse of a `search`/`filter` query parameter: a FilterSyntaxError becomes E0000001 on
 * `parameter` with one cause, "<parameter>: <what is wrong and where> <usage>"; anything else
 * propagates. `usage` says what the resource supports ("" when the message already does).
 */
export function parseFilterParameter<T>(parameter: string, usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw validationError(parameter, [`${parameter}: ${error.message}${usage ? ` ${usage}` : ""}`]);
    throw error;
  }
}
