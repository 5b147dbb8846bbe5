import { EL_LIMITS } from './limits';
import { makeElError } from './make-el-error';
import type { ElArray, ElContext, ElError, ElEvaluateResult, ElValue } from './types';

/**
 * The function table. Names are case-sensitive and looked up in a Map, so no
 * name can ever reach an Object.prototype member. Arity is checked by the
 * parser (so a bad claim cannot be saved) and again by the evaluator.
 *
 * Null handling follows Apache Commons StringUtils, which Okta's String.*
 * functions are modelled on: predicates on null are false, transforms of null
 * are null, String.len(null) is 0. Any other wrongly typed argument is el.type.
 */
export type ElFunctionSpec = {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly call: (args: readonly ElValue[], ctx: ElContext) => ElEvaluateResult;
};

type Checked<T> = { ok: true; value: T } | { ok: false; error: ElError };

const ok = (value: ElValue): ElEvaluateResult => ({ ok: true, value });

function typeNameOf(value: ElValue): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function typeError(fn: string, index: number, expected: string, got: ElValue): { ok: false; error: ElError } {
  return {
    ok: false,
    error: makeElError('el.type', `Argument ${index + 1} of ${fn} must be ${expected}, got ${typeNameOf(got)}`),
  };
}

function argAt(args: readonly ElValue[], index: number): ElValue {
  return args[index] ?? null;
}

function stringOrNull(fn: string, args: readonly ElValue[], index: number): Checked<string | null> {
  const v = argAt(args, index);
  return v === null || typeof v === 'string' ? { ok: true, value: v } : typeError(fn, index, 'a string', v);
}

function requiredString(fn: string, args: readonly ElValue[], index: number): Checked<string> {
  const v = argAt(args, index);
  return typeof v === 'string' ? { ok: true, value: v } : typeError(fn, index, 'a string', v);
}

function requiredInteger(fn: string, args: readonly ElValue[], index: number): Checked<number> {
  const v = argAt(args, index);
  return typeof v === 'number' && Number.isInteger(v) ? { ok: true, value: v } : typeError(fn, index, 'an integer', v);
}

function arrayOrNull(fn: string, args: readonly ElValue[], index: number): Checked<ElArray | null> {
  const v = argAt(args, index);
  return v === null || Array.isArray(v) ? { ok: true, value: v } : typeError(fn, index, 'an array', v);
}

function tooLarge(what: string): ElEvaluateResult {
  return { ok: false, error: makeElError('el.result_too_large', `${what} exceeds ${EL_LIMITS.maxStringLength} characters`) };
}

// ---- String -------------------------------------------------------------

function stringPredicate(fn: string, test: (s: string, t: string) => boolean): ElFunctionSpec {
  return {
    minArgs: 2,
    maxArgs: 2,
    call: (args) => {
      const s = stringOrNull(fn, args, 0);
      if (!s.ok) return s;
      const t = stringOrNull(fn, args, 1);
      if (!t.ok) return t;
      return ok(s.value !== null && t.value !== null && test(s.value, t.value));
    },
  };
}

function stringTransform(fn: string, transform: (s: string) => string): ElFunctionSpec {
  return {
    minArgs: 1,
    maxArgs: 1,
    call: (args) => {
      const s = stringOrNull(fn, args, 0);
      if (!s.ok) return s;
      return ok(s.value === null ? null : transform(s.value));
    },
  };
}

/** StringUtils.substring: negative indices count from the end; out-of-range indices are clamped. */
function substringClamped(s: string, start: number, end: number): string {
  let from = start < 0 ? s.length + start : start;
  let to = end < 0 ? s.length + end : end;
  if (to > s.length) to = s.length;
  if (from > to) return '';
  if (from < 0) from = 0;
  if (to < 0) to = 0;
  return s.substring(from, to);
}

const substring: ElFunctionSpec = {
  minArgs: 3,
  maxArgs: 3,
  call: (args) => {
    const fn = 'String.substring';
    const s = stringOrNull(fn, args, 0);
    if (!s.ok) return s;
    const start = requiredInteger(fn, args, 1);
    if (!start.ok) return start;
    const end = requiredInteger(fn, args, 2);
    if (!end.ok) return end;
    return ok(s.value === null ? null : substringClamped(s.value, start.value, end.value));
  },
};

function substringAround(fn: string, pick: (s: string, sep: string) => string, onNullSeparator: 'input' | 'empty'): ElFunctionSpec {
  return {
    minArgs: 2,
    maxArgs: 2,
    call: (args) => {
      const s = stringOrNull(fn, args, 0);
      if (!s.ok) return s;
      const sep = stringOrNull(fn, args, 1);
      if (!sep.ok) return sep;
      if (s.value === null) return ok(null);
      if (sep.value === null) return ok(onNullSeparator === 'input' ? s.value : '');
      return ok(pick(s.value, sep.value));
    },
  };
}

/** StringUtils.substringBefore: empty separator -> "", separator not found -> whole string. */
function before(s: string, sep: string): string {
  if (sep === '') return '';
  const at = s.indexOf(sep);
  return at === -1 ? s : s.slice(0, at);
}

/** StringUtils.substringAfter: empty separator -> whole string, separator not found -> "". */
function after(s: string, sep: string): string {
  const at = s.indexOf(sep);
  return at === -1 ? '' : s.slice(at + sep.length);
}

/** Literal (not regex) replace-all. The final size is computed before the string is built. */
const replace: ElFunctionSpec = {
  minArgs: 3,
  maxArgs: 3,
  call: (args) => {
    const fn = 'String.replace';
    const s = stringOrNull(fn, args, 0);
    if (!s.ok) return s;
    const match = stringOrNull(fn, args, 1);
    if (!match.ok) return match;
    const replacement = stringOrNull(fn, args, 2);
    if (!replacement.ok) return replacement;
    if (s.value === null) return ok(null);
    if (match.value === null || match.value === '' || replacement.value === null) return ok(s.value);
    let count = 0;
    for (let at = s.value.indexOf(match.value); at !== -1; at = s.value.indexOf(match.value, at + match.value.length)) {
      count += 1;
    }
    const finalLength = s.value.length + count * (replacement.value.length - match.value.length);
    if (finalLength > EL_LIMITS.maxStringLength) return tooLarge('Result of String.replace');
    return ok(s.value.split(match.value).join(replacement.value));
  },
};

// ---- Arrays -------------------------------------------------------------

const arraysContains: ElFunctionSpec = {
  minArgs: 2,
  maxArgs: 2,
  call: (args) => {
    const fn = 'Arrays.contains';
    const arr = arrayOrNull(fn, args, 0);
    if (!arr.ok) return arr;
    const needle = argAt(args, 1);
    if (Array.isArray(needle)) return typeError(fn, 1, 'a string, number, boolean or null', needle);
    // Strict equality: Arrays.contains(["1"], 1) is false.
    return ok(arr.value !== null && arr.value.some((item) => item === needle));
  },
};

const arraysIsEmpty: ElFunctionSpec = {
  minArgs: 1,
  maxArgs: 1,
  call: (args) => {
    const arr = arrayOrNull('Arrays.isEmpty', args, 0);
    if (!arr.ok) return arr;
    return ok(arr.value === null || arr.value.length === 0);
  },
};

const arraysSize: ElFunctionSpec = {
  minArgs: 1,
  maxArgs: 1,
  call: (args) => {
    const arr = arrayOrNull('Arrays.size', args, 0);
    if (!arr.ok) return arr;
    return ok(arr.value === null ? 0 : arr.value.length);
  },
};

/** Arrays.flatten(a, b, ...): arrays are spread one level, scalars appended, nulls skipped. */
const arraysFlatten: ElFunctionSpec = {
  minArgs: 0,
  maxArgs: EL_LIMITS.maxArguments,
  call: (args) => {
    const out: ElArray = [];
    for (const [index, v] of args.entries()) {
      if (v === null) continue;
      if (typeof v === 'boolean') return typeError('Arrays.flatten', index, 'a string, number or array', v);
      if (Array.isArray(v)) out.push(...v);
      else out.push(v);
      if (out.length > EL_LIMITS.maxArrayItems) {
        return { ok: false, error: makeElError('el.result_too_large', `Result of Arrays.flatten exceeds ${EL_LIMITS.maxArrayItems} items`) };
      }
    }
    return ok(out);
  },
};

// ---- Groups -------------------------------------------------------------

function userGroups(ctx: ElContext): Array<{ id: string; name: string }> {
  const groups: unknown = ctx.groups;
  if (!Array.isArray(groups)) return [];
  const out: Array<{ id: string; name: string }> = [];
  for (const g of groups) {
    if (typeof g !== 'object' || g === null) continue;
    const id: unknown = Object.hasOwn(g, 'id') ? (g as { id: unknown }).id : undefined;
    const name: unknown = Object.hasOwn(g, 'name') ? (g as { name: unknown }).name : undefined;
    if (typeof id === 'string' && typeof name === 'string') out.push({ id, name });
  }
  return out;
}

/** True when any non-null argument equals the id/name of one of the user's groups (exact, case-sensitive). */
function membership(fn: string, field: 'id' | 'name', maxArgs: number): ElFunctionSpec {
  return {
    minArgs: 1,
    maxArgs,
    call: (args, ctx) => {
      const wanted = new Set<string>();
      for (const index of args.keys()) {
        const v = stringOrNull(fn, args, index);
        if (!v.ok) return v;
        if (v.value !== null) wanted.add(v.value);
      }
      return ok(userGroups(ctx).some((g) => wanted.has(g[field])));
    },
  };
}

/**
 * Groups.startsWith / Groups.contains(source, pattern, limit): names of the user's
 * groups that match case-insensitively, in context order, at most min(limit, 100).
 * This server only has Okta-mastered groups, so any source other than "OKTA"
 * (case-insensitive) matches nothing. A limit below 1 yields [].
 */
function groupFilter(fn: string, matches: (name: string, pattern: string) => boolean): ElFunctionSpec {
  return {
    minArgs: 3,
    maxArgs: 3,
    call: (args, ctx) => {
      const source = requiredString(fn, args, 0);
      if (!source.ok) return source;
      const pattern = requiredString(fn, args, 1);
      if (!pattern.ok) return pattern;
      const limit = requiredInteger(fn, args, 2);
      if (!limit.ok) return limit;
      const max = Math.min(limit.value, EL_LIMITS.maxGroupResults);
      const out: string[] = [];
      if (source.value.toUpperCase() !== 'OKTA' || max < 1) return ok(out);
      const needle = pattern.value.toLowerCase();
      for (const g of userGroups(ctx)) {
        if (!matches(g.name.toLowerCase(), needle)) continue;
        out.push(g.name);
        if (out.length >= max) break;
      }
      return ok(out);
    },
  };
}

// ---- Time and Convert ---------------------------------------------------

/** Time.now() takes no arguments (a timezone/format argument is rejected at parse time). */
const timeNow: ElFunctionSpec = {
  minArgs: 0,
  maxArgs: 0,
  call: (_args, ctx) => {
    const now: unknown = ctx.now;
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
      return { ok: false, error: makeElError('el.internal', 'The evaluation context has no valid clock') };
    }
    return ok(now.toISOString());
  },
};

const INT_32_MIN = -2147483648;
const INT_32_MAX = 2147483647;
const DECIMAL_STRING = /^[+-]?\d+(?:\.\d+)?$/;
const NUMBER_STRING = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function notANumber(message: string): ElEvaluateResult {
  return { ok: false, error: makeElError('el.not_a_number', message) };
}

/** Convert.toInt: numbers and decimal strings, rounded like Java's Math.round, must fit a 32-bit int. */
const convertToInt: ElFunctionSpec = {
  minArgs: 1,
  maxArgs: 1,
  call: (args) => {
    const v = argAt(args, 0);
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string') {
      if (!DECIMAL_STRING.test(v)) return notANumber(`Convert.toInt: '${v.slice(0, 40)}' is not a number`);
      n = Number(v);
    } else return typeError('Convert.toInt', 0, 'a string or number', v);
    const rounded = Math.round(n);
    if (!Number.isFinite(rounded) || rounded < INT_32_MIN || rounded > INT_32_MAX) {
      return notANumber('Convert.toInt: value is outside the 32-bit integer range');
    }
    return ok(rounded === 0 ? 0 : rounded); // normalise -0
  },
};

/** Convert.toNum: numbers and numeric strings (sign, decimals, exponent allowed); result must be finite. */
const convertToNum: ElFunctionSpec = {
  minArgs: 1,
  maxArgs: 1,
  call: (args) => {
    const v = argAt(args, 0);
    if (typeof v === 'number') return ok(v);
    if (typeof v !== 'string') return typeError('Convert.toNum', 0, 'a string or number', v);
    if (!NUMBER_STRING.test(v)) return notANumber(`Convert.toNum: '${v.slice(0, 40)}' is not a number`);
    const n = Number(v);
    return Number.isFinite(n) ? ok(n) : notANumber('Convert.toNum: value is out of range');
  },
};

export const EL_FUNCTIONS: ReadonlyMap<string, ElFunctionSpec> = new Map<string, ElFunctionSpec>([
  ['String.stringContains', stringPredicate('String.stringContains', (s, t) => s.includes(t))],
  ['String.startsWith', stringPredicate('String.startsWith', (s, t) => s.startsWith(t))],
  [
    'String.len',
    {
      minArgs: 1,
      maxArgs: 1,
      call: (args) => {
        const s = stringOrNull('String.len', args, 0);
        return s.ok ? ok(s.value === null ? 0 : s.value.length) : s;
      },
    },
  ],
  ['String.toUpperCase', stringTransform('String.toUpperCase', (s) => s.toUpperCase())],
  ['String.toLowerCase', stringTransform('String.toLowerCase', (s) => s.toLowerCase())],
  ['String.substring', substring],
  ['String.substringBefore', substringAround('String.substringBefore', before, 'input')],
  ['String.substringAfter', substringAround('String.substringAfter', after, 'empty')],
  ['String.replace', replace],
  ['Arrays.contains', arraysContains],
  ['Arrays.isEmpty', arraysIsEmpty],
  ['Arrays.size', arraysSize],
  ['Arrays.flatten', arraysFlatten],
  ['isMemberOfGroupName', membership('isMemberOfGroupName', 'name', 1)],
  ['isMemberOfGroup', membership('isMemberOfGroup', 'id', 1)],
  ['isMemberOfAnyGroup', membership('isMemberOfAnyGroup', 'id', EL_LIMITS.maxArguments)],
  ['Groups.startsWith', groupFilter('Groups.startsWith', (name, p) => name.startsWith(p))],
  ['Groups.contains', groupFilter('Groups.contains', (name, p) => name.includes(p))],
  ['Time.now', timeNow],
  ['Convert.toInt', convertToInt],
  ['Convert.toNum', convertToNum],
]);

/** Namespaces that only exist as function prefixes (String.len, ...). */
export const EL_FUNCTION_NAMESPACES: ReadonlySet<string> = new Set(
  [...EL_FUNCTIONS.keys()].filter((name) => name.includes('.')).map((name) => name.slice(0, name.indexOf('.'))),
);

/** "1 argument", "2 to 3 arguments", "at least 1 argument" - for arity messages. */
export function describeArity(spec: Pick<ElFunctionSpec, 'minArgs' | 'maxArgs'>): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (spec.minArgs === spec.maxArgs) return plural(spec.minArgs);
  if (spec.maxArgs >= EL_LIMITS.maxArguments) {
    return spec.minArgs === 0 ? `at most ${plural(spec.maxArgs)}` : `at least ${plural(spec.minArgs)}`;
  }
  return `${spec.minArgs} to ${plural(spec.maxArgs)}`;
}
