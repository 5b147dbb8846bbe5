/**
 * Group names are at most 255 characters (Okta's limit), so no quantifier can repeat more often
 * than this against one name.
 */
const INPUT_BOUND = 256;

/**
 * The most backtracking paths a pattern may have, estimated as the product of the ranges of its
 * variable-length quantifiers (each bounded by INPUT_BOUND). Three open-ended quantifiers such as
 * `.*a.*b.*` (257^3, about 17 million; a few milliseconds in the worst case) fit; four do not.
 */
export const REGEX_BACKTRACKING_BUDGET = 2 ** 25;

type Atom = { group: boolean; variableInside: boolean; overlappingAlternatives: boolean; first: string | null; zeroWidth: boolean };

type Frame = {
  /** a variable-length quantifier occurs somewhere inside */
  variableInside: boolean;
  /** the first character of each finished alternative: a literal, or null when unknown or empty */
  alternatives: Array<string | null>;
  /** the current alternative's first character: undefined while it has no atom yet */
  currentFirst: string | null | undefined;
};

const newFrame = (): Frame => ({ variableInside: false, alternatives: [], currentFirst: undefined });

/**
 * Looks for constructs that let a backtracking engine (JavaScript's RegExp) take exponential or
 * high-polynomial time on a short group name. Returns a message naming the problem, or null.
 *
 * Refused, conservatively:
 * - a repeated group (max > 1) containing a variable-length quantifier: `(a+)+`, `(.*)*`, `(a?){20}`, `(\w+-)+`;
 * - a repeated group whose alternatives may start with the same character: `(a|ab)*`, `(\w|\d)+`;
 * - backreferences (`\1`, `\k<name>`), which make matching NP-hard;
 * - too many variable-length quantifiers in sequence: `.*.*.*.*x` (see REGEX_BACKTRACKING_BUDGET).
 *
 * Only the structure is examined; a syntactically invalid pattern gets null here and is reported by
 * `new RegExp`.
 */
export function findRegexHazard(pattern: string): string | null {
  const stack: Frame[] = [newFrame()];
  let last: Atom | null = null;
  /** whether `last` is the first character-consuming atom of its alternative */
  let lastIsFirst = false;
  let cost = 1;
  let i = 0;

  const addAtom = (atom: Atom) => {
    const frame = stack.at(-1)!;
    lastIsFirst = frame.currentFirst === undefined && !atom.zeroWidth;
    if (lastIsFirst) frame.currentFirst = atom.first;
    last = atom;
  };
  const endAlternative = (frame: Frame) => {
    frame.alternatives.push(frame.currentFirst ?? null);
    frame.currentFirst = undefined;
  };

  while (i < pattern.length) {
    const ch = pattern[i]!;
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      i += quantifier.length;
      const atom = last as Atom | null; // set by addAtom (a closure), which TypeScript does not track
      last = null;
      if (!atom) continue; // "Nothing to repeat": new RegExp reports it
      const frame = stack.at(-1)!;
      const repeating = quantifier.max > 1;
      const variable = quantifier.max > quantifier.min;
      if (atom.group && repeating && atom.variableInside) {
        return "The pattern nests quantifiers, e.g. (a+)+ or (.*)*, which can backtrack catastrophically; quantify the inner part only.";
      }
      if (atom.group && repeating && atom.overlappingAlternatives) {
        return "The pattern repeats a group whose alternatives can match the same text, e.g. (a|ab)*, which can backtrack catastrophically.";
      }
      if (variable) {
        frame.variableInside = true;
        cost *= Math.min(quantifier.max, INPUT_BOUND) - Math.min(quantifier.min, INPUT_BOUND) + 1;
        if (cost > REGEX_BACKTRACKING_BUDGET) {
          return "The pattern has too many variable-length quantifiers (at most about three open-ended ones such as .* or +), which can backtrack catastrophically.";
        }
      }
      // An optional first atom leaves the alternative's first character open.
      if (quantifier.min === 0 && lastIsFirst) frame.currentFirst = null;
      continue;
    }
    if (ch === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next) || (next === "k" && pattern[i + 2] === "<")) {
        return "Backreferences (\\1, \\k<name>) are not supported in a REGEX group filter.";
      }
      const rest = pattern.slice(i + 2);
      const length = 2 + (next === "x" && /^[0-9A-Fa-f]{2}/.test(rest) ? 2 : next === "u" && /^[0-9A-Fa-f]{4}/.test(rest) ? 4 : next === "c" && /^[A-Za-z]/.test(rest) ? 1 : 0);
      // \b and \B are assertions; a letter or digit escape is a class or a code: its character is unknown.
      const zeroWidth = next === "b" || next === "B";
      addAtom({ group: false, variableInside: false, overlappingAlternatives: false, first: /[A-Za-z0-9]/.test(next) ? null : next, zeroWidth });
      i += length;
      continue;
    }
    if (ch === "[") {
      let j = i + 1;
      if (pattern[j] === "^") j += 1;
      while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : 1;
      addAtom({ group: false, variableInside: false, overlappingAlternatives: false, first: null, zeroWidth: false });
      i = j + 1;
      continue;
    }
    if (ch === "(") {
      const prefix = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)?/.exec(pattern.slice(i))?.[0] ?? "(";
      stack.push(newFrame());
      last = null;
      i += prefix.length;
      continue;
    }
    if (ch === ")") {
      if (stack.length === 1) return null; // unbalanced: new RegExp reports it
      const frame = stack.pop()!;
      endAlternative(frame);
      const parent = stack.at(-1)!;
      if (frame.variableInside) parent.variableInside = true;
      const firsts = frame.alternatives;
      const overlapping = firsts.length > 1 && (firsts.includes(null) || new Set(firsts).size < firsts.length);
      addAtom({ group: true, variableInside: frame.variableInside, overlappingAlternatives: overlapping, first: firsts.length === 1 ? firsts[0]! : null, zeroWidth: false });
      i += 1;
      continue;
    }
    if (ch === "|") {
      endAlternative(stack.at(-1)!);
      last = null;
      i += 1;
      continue;
    }
    const anchor = ch === "^" || ch === "$";
    addAtom({ group: false, variableInside: false, overlappingAlternatives: false, first: ch === "." ? null : ch, zeroWidth: anchor });
    i += 1;
  }
  return null;
}

/** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy (`?`), at `i`; null when there is none. */
function readQuantifier(pattern: string, i: number): { min: number; max: number; length: number } | null {
  const ch = pattern[i];
  let result: { min: number; max: number; length: number } | null = null;
  if (ch === "*") result = { min: 0, max: Infinity, length: 1 };
  else if (ch === "+") result = { min: 1, max: Infinity, length: 1 };
  else if (ch === "?") result = { min: 0, max: 1, length: 1 };
  else if (ch === "{") {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (match) {
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] ? Number(match[3]) : Infinity;
      result = { min, max, length: match[0].length };
    }
  }
  if (result && pattern[i + result.length] === "?") result.length += 1;
  return result;
}
