import { EL_FUNCTIONS, describeArity } from './el-functions';
import { EL_LIMITS } from './limits';
import { makeElError, withPosition } from './make-el-error';
import type { ElArray, ElBinaryOperator, ElContext, ElError, ElEvaluateResult, ElNode, ElValue } from './types';

/*
 * Semantics:
 * - No JavaScript is ever evaluated. Context objects are read only through
 *   own *data* properties (getters and inherited members are invisible), and a
 *   few names (__proto__, constructor, prototype, ...) are always missing.
 * - An object from the context (user, app.profile, ...) is only usable for
 *   further member access; anywhere else it is el.type (except `x == null`).
 * - Member access on null or on a non-object value yields null.
 * - `!`, `&&`, `||` and `?:` accept booleans and treat null as false; any
 *   other type is el.type. `&&`/`||` short-circuit and return booleans.
 * - `==` / `!=` never coerce: values of different types are unequal.
 *   `<` `>` `<=` `>=` compare two numbers or two strings; otherwise false.
 * - `+` concatenates when either side is a string (null prints as "null",
 *   as in SpEL), adds two numbers, and is el.type otherwise.
 * - Every intermediate value is size-checked (el.result_too_large).
 */

type HostObject = { readonly hostObject: object };
type Value = ElValue | HostObject;
type Result<T = Value> = { ok: true; value: T } | { ok: false; error: ElError };

const BLOCKED_MEMBERS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const err = (code: ElError['code'], message: string, position?: number): { ok: false; error: ElError } => ({
  ok: false,
  error: makeElError(code, message, position),
});

/** Evaluates a parsed expression against an injected context. Total: never throws. */
export function evaluateExpression(ast: ElNode, ctx: ElContext): ElEvaluateResult {
  try {
    const result = evaluateNode(ast, { ctx, steps: 0 }, 0);
    if (!result.ok) return result;
    if (isHostObject(result.value)) {
      return err('el.type', 'The expression evaluates to an object; reference one of its attributes instead', positionOf(ast));
    }
    return { ok: true, value: result.value };
  } catch {
    // Only a hostile context (throwing proxy, ...) or an exhausted host stack gets here.
    return err('el.internal', 'The expression could not be evaluated');
  }
}

/** Per-evaluation state: the context and a step counter shared by all nodes. */
type Env = { readonly ctx: ElContext; steps: number };

function isHostObject(value: Value): value is HostObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNodeOfType<T extends ElNode['type']>(node: unknown, type: T): node is ElNode & { type: T } {
  return typeof node === 'object' && node !== null && (node as { type?: unknown }).type === type;
}

function positionOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const pos: unknown = Object.hasOwn(node, 'pos') ? (node as { pos: unknown }).pos : undefined;
  return typeof pos === 'number' ? pos : undefined;
}

function typeName(value: Value): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return isHostObject(value) ? 'object' : typeof value;
}

function malformed(node: unknown): { ok: false; error: ElError } {
  return err('el.internal', 'Malformed expression tree', positionOf(node));
}

/** Counts one node evaluation against the step budget. */
function step(env: Env, node: unknown): Result<null> {
  env.steps += 1;
  if (env.steps > EL_LIMITS.maxEvaluationSteps) {
    return err('el.too_deep', `The expression tree has more than ${EL_LIMITS.maxEvaluationSteps} nodes`, positionOf(node));
  }
  return ok(null);
}

/** Attaches the node position to errors and size-checks values. */
function settle(result: Result, node: unknown): Result {
  if (!result.ok) return { ok: false, error: withPosition(result.error, positionOf(node)) };
  return checkSize(result.value, positionOf(node));
}

function evaluateNode(node: ElNode, env: Env, depth: number): Result {
  if (depth > EL_LIMITS.maxEvaluationDepth) {
    return err('el.too_deep', `The expression tree is nested deeper than ${EL_LIMITS.maxEvaluationDepth} levels`, positionOf(node));
  }
  if (typeof node !== 'object' || node === null) return malformed(node);
  const counted = step(env, node);
  if (!counted.ok) return counted;
  return settle(evaluateByType(node, env, depth + 1), node);
}

function evaluateByType(node: ElNode, env: Env, depth: number): Result {
  switch (node.type) {
    case 'literal':
      return evaluateLiteral(node);
    case 'root':
      return readRoot(node.name, env.ctx, node.pos);
    case 'member':
      return evaluateMemberChain(node, env, depth);
    case 'call':
      return evaluateCall(node, env, depth);
    case 'unary':
      return evaluateUnary(node, env, depth);
    case 'binary':
      return evaluateBinaryChain(node, env, depth);
    case 'conditional':
      return evaluateConditional(node, env, depth);
    default:
      return malformed(node);
  }
}

function evaluateLiteral(node: ElNode & { type: 'literal' }): Result {
  const v: unknown = node.value;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return ok(v);
  if (typeof v === 'number' && Number.isFinite(v)) return ok(v);
  return malformed(node);
}

/**
 * Walks a left spine (a.b.c or x + y + z) without recursion, returning the
 * spine top-down and the node below it. Long chains then cost no stack.
 */
function collectSpine<T extends 'member' | 'binary'>(
  node: ElNode & { type: T },
  type: T,
  next: (n: ElNode & { type: T }) => ElNode,
): Result<{ spine: Array<ElNode & { type: T }>; base: ElNode }> {
  const spine: Array<ElNode & { type: T }> = [];
  let current: ElNode = node;
  while (isNodeOfType(current, type)) {
    if (spine.length >= EL_LIMITS.maxChainLength) {
      return err('el.too_deep', `The expression has a chain longer than ${EL_LIMITS.maxChainLength} operations`, positionOf(node));
    }
    spine.push(current);
    current = next(current);
  }
  return ok({ spine, base: current });
}

// ---- Context access -----------------------------------------------------

function readRoot(name: string, ctx: ElContext, pos: number): Result {
  switch (name) {
    case 'user':
      return fromHost(ctx.user, pos);
    case 'appuser':
      return fromHost(ctx.appuser, pos);
    case 'app':
      return fromHost(ctx.app, pos);
    case 'access':
      return fromHost(ctx.access, pos);
    case 'org':
      return fromHost(ctx.org, pos);
    default:
      return err('el.unknown_identifier', `Unknown identifier '${String(name).slice(0, 40)}'`, pos);
  }
}

function evaluateMemberChain(node: ElNode & { type: 'member' }, env: Env, depth: number): Result {
  const chain = collectSpine(node, 'member', (m) => m.object);
  if (!chain.ok) return chain;
  const { spine, base } = chain.value;
  let current = evaluateNode(base, env, depth);
  for (let i = spine.length - 1; i >= 0 && current.ok; i -= 1) {
    const member = spine[i];
    if (member === undefined || typeof member.name !== 'string') return malformed(node);
    if (member !== node) {
      const counted = step(env, member);
      if (!counted.ok) return counted;
    }
    const target = current.value;
    current = settle(isHostObject(target) ? fromHost(readOwnData(target.hostObject, member.name), member.pos) : ok(null), member);
  }
  return current;
}

/** Own data property or Map entry; never inherited members, never getters. */
function readOwnData(source: object, name: string): unknown {
  if (BLOCKED_MEMBERS.has(name)) return undefined;
  if (source instanceof Map) return source.has(name) ? source.get(name) : undefined;
  const descriptor = Object.getOwnPropertyDescriptor(source, name);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}

/**
 * Converts a context value to an EL value. Non-finite numbers, undefined,
 * functions, symbols and bigints become null; array items that are not strings
 * or finite numbers are dropped.
 */
function fromHost(value: unknown, pos: number): Result {
  if (value === null || value === undefined) return ok(null);
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return ok(value);
    case 'number':
      return ok(Number.isFinite(value) ? value : null);
    case 'object':
      return Array.isArray(value) ? arrayFromHost(value, pos) : ok({ hostObject: value });
    default:
      return ok(null);
  }
}

function arrayFromHost(items: readonly unknown[], pos: number): Result {
  if (items.length > EL_LIMITS.maxArrayItems) {
    return err('el.result_too_large', `Array has more than ${EL_LIMITS.maxArrayItems} items`, pos);
  }
  const out: ElArray = [];
  for (let i = 0; i < items.length; i += 1) {
    const item: unknown = items[i];
    if (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))) out.push(item);
  }
  return ok(out);
}

function checkSize(value: Value, pos: number | undefined): Result {
  if (typeof value === 'string' && value.length > EL_LIMITS.maxStringLength) {
    return err('el.result_too_large', `String value exceeds ${EL_LIMITS.maxStringLength} characters`, pos);
  }
  if (Array.isArray(value)) {
    if (value.length > EL_LIMITS.maxArrayItems) {
      return err('el.result_too_large', `Array has more than ${EL_LIMITS.maxArrayItems} items`, pos);
    }
    let chars = 0;
    for (const item of value) chars += typeof item === 'string' ? item.length : 24;
    if (chars > EL_LIMITS.maxArrayChars) {
      return err('el.result_too_large', `Array value exceeds ${EL_LIMITS.maxArrayChars} characters in total`, pos);
    }
  }
  return ok(value);
}

// ---- Calls --------------------------------------------------------------

function evaluateCall(node: ElNode & { type: 'call' }, env: Env, depth: number): Result {
  const spec = typeof node.name === 'string' ? EL_FUNCTIONS.get(node.name) : undefined;
  if (spec === undefined) return err('el.unknown_function', `Unknown function '${String(node.name).slice(0, 40)}'`, node.pos);
  if (!Array.isArray(node.args)) return malformed(node);
  if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) {
    return err('el.arity', `Function '${node.name}' expects ${describeArity(spec)} but got ${node.args.length}`, node.pos);
  }
  const args: ElValue[] = [];
  for (const argNode of node.args) {
    const arg = evaluateNode(argNode, env, depth);
    if (!arg.ok) return arg;
    if (isHostObject(arg.value)) {
      return err('el.type', `Function '${node.name}' cannot take an object argument`, positionOf(argNode));
    }
    args.push(arg.value);
  }
  return spec.call(args, env.ctx);
}

// ---- Operators ----------------------------------------------------------

function toBoolean(value: Value, pos: number | undefined): Result<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (value === null) return ok(false);
  return err('el.type', `Expected a boolean but got ${typeName(value)}`, pos);
}

function evaluateCondition(node: ElNode, env: Env, depth: number): Result<boolean> {
  const value = evaluateNode(node, env, depth);
  return value.ok ? toBoolean(value.value, positionOf(node)) : value;
}

function evaluateUnary(node: ElNode & { type: 'unary' }, env: Env, depth: number): Result {
  if (node.op === '!') {
    const operand = evaluateCondition(node.operand, env, depth);
    return operand.ok ? ok(!operand.value) : operand;
  }
  if (node.op !== '-') return malformed(node);
  const operand = evaluateNode(node.operand, env, depth);
  if (!operand.ok) return operand;
  if (typeof operand.value !== 'number') {
    return err('el.type', `Unary '-' needs a number but got ${typeName(operand.value)}`, node.pos);
  }
  return ok(operand.value === 0 ? 0 : -operand.value);
}

function evaluateConditional(node: ElNode & { type: 'conditional' }, env: Env, depth: number): Result {
  const test = evaluateCondition(node.test, env, depth);
  if (!test.ok) return test;
  return evaluateNode(test.value ? node.consequent : node.alternate, env, depth);
}

/** x op y op z ... evaluated left to right, iteratively. */
function evaluateBinaryChain(node: ElNode & { type: 'binary' }, env: Env, depth: number): Result {
  const chain = collectSpine(node, 'binary', (b) => b.left);
  if (!chain.ok) return chain;
  const { spine, base } = chain.value;
  let current = evaluateNode(base, env, depth);
  for (let i = spine.length - 1; i >= 0 && current.ok; i -= 1) {
    const binary = spine[i];
    if (binary === undefined) return malformed(node);
    if (binary !== node) {
      const counted = step(env, binary);
      if (!counted.ok) return counted;
    }
    current = settle(applyBinary(binary, current.value, env, depth), binary);
  }
  return current;
}

function applyBinary(node: ElNode & { type: 'binary' }, leftValue: Value, env: Env, depth: number): Result {
  const op: ElBinaryOperator = node.op;
  if (op === '&&' || op === '||') {
    const left = toBoolean(leftValue, positionOf(node.left));
    if (!left.ok) return left;
    if (op === '&&' ? !left.value : left.value) return ok(left.value);
    return evaluateCondition(node.right, env, depth);
  }
  const right = evaluateNode(node.right, env, depth);
  if (!right.ok) return right;
  switch (op) {
    case '==':
    case '!=': {
      const equal = valuesEqual(leftValue, right.value, node.pos);
      if (!equal.ok) return equal;
      return ok(op === '==' ? equal.value : !equal.value);
    }
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compare(op, leftValue, right.value, node.pos);
    case '+':
      return add(leftValue, right.value, node.pos);
    case '-':
      return subtract(leftValue, right.value, node.pos);
    default:
      return malformed(node);
  }
}

/** Strict equality with no coercion; arrays compare item by item. */
function valuesEqual(a: Value, b: Value, pos: number): Result<boolean> {
  if (isHostObject(a) || isHostObject(b)) {
    if (a === null || b === null) return ok(false);
    return err('el.type', 'Objects can only be compared with null', pos);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return ok(false);
    return ok(a.every((item, i) => item === b[i]));
  }
  return ok(a === b);
}

function compare(op: '<' | '>' | '<=' | '>=', a: Value, b: Value, pos: number): Result {
  if (isHostObject(a) || isHostObject(b)) return err('el.type', `Operator '${op}' cannot compare objects`, pos);
  const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!comparable) return ok(false);
  switch (op) {
    case '<':
      return ok(a < b);
    case '>':
      return ok(a > b);
    case '<=':
      return ok(a <= b);
    case '>=':
      return ok(a >= b);
  }
}

function concatPart(value: ElValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return undefined;
}

function add(a: Value, b: Value, pos: number): Result {
  if (isHostObject(a) || isHostObject(b) || Array.isArray(a) || Array.isArray(b)) {
    return err('el.type', `Operator '+' cannot combine ${typeName(a)} and ${typeName(b)}`, pos);
  }
  if (typeof a === 'string' || typeof b === 'string') {
    // Operands are at most 64 KiB each; the sum is size-checked by settle().
    return ok((concatPart(a) ?? '') + (concatPart(b) ?? ''));
  }
  if (typeof a === 'number' && typeof b === 'number') return finite(a + b, pos);
  return err('el.type', `Operator '+' cannot combine ${typeName(a)} and ${typeName(b)}`, pos);
}

function subtract(a: Value, b: Value, pos: number): Result {
  if (typeof a === 'number' && typeof b === 'number') return finite(a - b, pos);
  return err('el.type', `Operator '-' needs two numbers but got ${typeName(a)} and ${typeName(b)}`, pos);
}

function finite(n: number, pos: number): Result {
  return Number.isFinite(n) ? ok(n === 0 ? 0 : n) : err('el.not_a_number', 'Arithmetic overflow', pos);
}
