/**
 * Public types of the Okta Expression Language (EL) module.
 * Pure data: no runtime code besides the error-code list.
 */

/** Every error code the module can produce. Codes are stable API; messages are not. */
export const EL_ERROR_CODES = [
  'el.syntax', // malformed source: unexpected token/character, unterminated string, bad number or escape
  'el.too_long', // source longer than EL_LIMITS.maxSourceLength
  'el.too_deep', // nesting deeper than EL_LIMITS.maxDepth (or an absurdly deep hand-built AST)
  'el.unknown_identifier', // a bare name that is neither a root (user, app, ...) nor a function
  'el.unknown_function', // unknown function name, or call syntax applied to a non-function
  'el.arity', // wrong number of arguments, including more than EL_LIMITS.maxArguments
  'el.type', // a value of the wrong type reached an operator or function
  'el.not_a_number', // numeric conversion failed, or arithmetic left the finite/int32 range
  'el.result_too_large', // a string over 64 KiB or an array over 1000 items (or 64 KiB in total)
  'el.internal', // malformed AST / context or an unexpected failure; never thrown, always returned
] as const;

export type ElErrorCode = (typeof EL_ERROR_CODES)[number];

export type ElError = {
  readonly code: ElErrorCode;
  /** Human readable; syntax errors end with "at position N" (0-based UTF-16 offset). */
  readonly message: string;
  /** 0-based offset into the source (UTF-16 code units) when known. */
  readonly position?: number;
};

/** Values an expression can produce. Arrays only ever hold strings and finite numbers. */
export type ElScalar = string | number | boolean | null;
export type ElArray = Array<string | number>;
export type ElValue = ElScalar | ElArray;

export type ElRootName = 'user' | 'appuser' | 'app' | 'access' | 'org';

export type ElUnaryOperator = '!' | '-';
export type ElBinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-';

/** AST. `pos` is the 0-based source offset used in error messages. */
export type ElNode =
  | { readonly type: 'literal'; readonly value: ElScalar; readonly pos: number }
  | { readonly type: 'root'; readonly name: ElRootName; readonly pos: number }
  | { readonly type: 'member'; readonly object: ElNode; readonly name: string; readonly pos: number }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly ElNode[]; readonly pos: number }
  | { readonly type: 'unary'; readonly op: ElUnaryOperator; readonly operand: ElNode; readonly pos: number }
  | {
      readonly type: 'binary';
      readonly op: ElBinaryOperator;
      readonly left: ElNode;
      readonly right: ElNode;
      readonly pos: number;
    }
  | {
      readonly type: 'conditional';
      readonly test: ElNode;
      readonly consequent: ElNode;
      readonly alternate: ElNode;
      readonly pos: number;
    };

/** Everything an expression may read. Injected by the caller; the module has no globals and no clock. */
export type ElContext = {
  /** The user's profile attributes (login, email, firstName, ...) plus id and status. */
  user: Record<string, unknown> | null;
  /** App-specific user profile; may be null. */
  appuser: Record<string, unknown> | null;
  app: { id: string; clientId: string; profile?: Record<string, unknown> } | null;
  access: { scope: string[] };
  org: Record<string, unknown>;
  /** The user's groups. */
  groups: ReadonlyArray<{ id: string; name: string }>;
  /** The clock; Time.now() reads this and nothing else. */
  now: Date;
};

export type ElParseResult = { ok: true; ast: ElNode } | { ok: false; error: ElError };
export type ElEvaluateResult = { ok: true; value: ElValue } | { ok: false; error: ElError };
