export { parseExpression } from './parse-expression';
export { evaluateExpression } from './evaluate-expression';
export { checkExpression } from './check-expression';
export { tokenizeExpression } from './tokenize-expression';
export type { ElToken, ElTokenizeResult, ElPunctuator } from './tokenize-expression';
export { EL_LIMITS } from './limits';
export { EL_ERROR_CODES } from './types';
export type {
  ElArray,
  ElBinaryOperator,
  ElContext,
  ElError,
  ElErrorCode,
  ElEvaluateResult,
  ElNode,
  ElParseResult,
  ElRootName,
  ElScalar,
  ElUnaryOperator,
  ElValue,
} from './types';
