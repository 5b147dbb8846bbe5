import { describeToken, FilterSyntaxError, parseFilterExpression, type FilterToken, type FilterWord } from "./parse-filter-expression";

/** What a field compares with: a double-quoted string, or a bare true/false. */
export type EqualityFieldType = "string" | "boolean";
export type EqualityClause = { field: string; value: string | boolean };

const EQUALITY_FILTER_LIMITS = { length: 1000, terms: 10, depth: 3 } as const;

/**
 * The small `filter`s of the management API (apps, scopes, System Log): `<field> eq <value>`
 * clauses joined by `and`, in the grammar of every other filter (parse-filter-expression.ts), so
 * that quoting, escapes and keywords behave alike everywhere. `fields` names the fields and their
 * value types; with `ignoreFieldCase` a field matches whatever its case. Anything else, `or`
 * included, throws FilterSyntaxError saying what and where.
 */
export function parseEqualityFilter(filter: string, fields: Readonly<Record<string, EqualityFieldType>>, options: { ignoreFieldCase?: boolean } = {}): EqualityClause[] {
  const byName = new Map(Object.entries(fields).map(([name, type]) => [options.ignoreFieldCase ? name.toLowerCase() : name, { name, type }]));
  const readClause = (attribute: FilterWord, operator: FilterToken | undefined, value: FilterToken | undefined): EqualityClause[] => {
    const field = byName.get(options.ignoreFieldCase ? attribute.text.toLowerCase() : attribute.text);
    if (!field) throw new FilterSyntaxError(`'${attribute.text}' (position ${attribute.at}) is not a field this filter compares.`);
    if (operator?.kind !== "word" || operator.text.toLowerCase() !== "eq") throw new FilterSyntaxError(`Expected 'eq' after '${attribute.text}', found ${describeToken(operator)}.`);
    if (field.type === "string") {
      if (value?.kind !== "string") throw new FilterSyntaxError(`Expected a double-quoted value after '${attribute.text} eq', found ${describeToken(value)}.`);
      return [{ field: field.name, value: value.text }];
    }
    if (value?.kind !== "word" || !/^(true|false)$/i.test(value.text)) throw new FilterSyntaxError(`Expected true or false after '${attribute.text} eq', found ${describeToken(value)}.`);
    return [{ field: field.name, value: value.text.toLowerCase() === "true" }];
  };
  return parseFilterExpression<EqualityClause[]>(filter, {
    limits: EQUALITY_FILTER_LIMITS,
    readTerm: readClause,
    join: (kind, items) => {
      if (kind === "or") throw new FilterSyntaxError("Clauses can only be joined by 'and'.");
      return items.flat();
    },
  });
}
