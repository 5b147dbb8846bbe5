// @ts-check
// How a start-up failure is reported, by `npm start`'s server (lib/cli/server.mjs) and by the
// start-up hook inside Next.js (lib/cli/start-instance.ts) alike: one line, exit status 1; the
// stack only with DEBUG=1. Plain JavaScript because that server runs without a TypeScript loader.

/**
 * The lines to print for a start-up failure: the message of a StartupError or ConfigError (already
 * one line naming what to fix), else "Start-up failed: " and the message on one line. With
 * DEBUG=1 the stack follows, and the cause's.
 * @param {unknown} error
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {string[]}
 */
export function startupFailureLines(error, env) {
  const explained = error instanceof Error && (error.name === "StartupError" || error.name === "ConfigError");
  const message = error instanceof Error ? error.message : String(error);
  const line = oneLine(explained ? message : `Start-up failed: ${message}`);
  if (env.DEBUG !== "1") return [line];
  const stacks = [];
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) stacks.push(cause.stack ?? String(cause));
  return [line, ...stacks];
}

/**
 * Prints the failure (stderr) and ends the process with status 1.
 * @param {unknown} error
 * @returns {never}
 */
export function failStartup(error) {
  for (const line of startupFailureLines(error, process.env)) console.error(line);
  process.exit(1);
}

/** @param {string} text */
function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 500 ? `${flat.slice(0, 497)}...` : flat;
}
