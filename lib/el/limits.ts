/** Hard limits. Exceeding any of them is an error result, never a crash. */
export const EL_LIMITS = {
  /** Maximum source length in UTF-16 code units (el.too_long). */
  maxSourceLength: 4096,
  /** Maximum nesting of parentheses, call argument lists, ternary branches and unary operators (el.too_deep). */
  maxDepth: 32,
  /** Maximum arguments in one call (el.arity). */
  maxArguments: 64,
  /** Maximum length of any string value, in UTF-16 code units: 64 KiB (el.result_too_large). */
  maxStringLength: 65536,
  /** Maximum items in any array value (el.result_too_large). */
  maxArrayItems: 1000,
  /** Maximum total characters across the items of an array value (el.result_too_large). */
  maxArrayChars: 65536,
  /**
   * Guards for hand-built ASTs; parsed ASTs stay far below them. Binary-operator
   * and member-access chains are evaluated iteratively, so only nesting recurses.
   */
  maxEvaluationDepth: 256,
  /** Longest binary-operator or member-access chain walked iteratively. */
  maxChainLength: 4096,
  /** Node evaluations per call (stops shared-subtree / DAG blow-ups). */
  maxEvaluationSteps: 16384,
  /** Groups.startsWith / Groups.contains never return more than this many names. */
  maxGroupResults: 100,
} as const;
