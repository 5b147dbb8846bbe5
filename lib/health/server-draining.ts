// On globalThis: the shutdown hook (lib/cli/create-shutdown-hook.ts, in the start-up hook's module
// instance) sets it and /api/health's route handler (in Next.js's) reads it.
const holder = globalThis as unknown as { __idpDraining?: boolean };

/** From now until the process exits, /api/health answers 503 "draining" (graceful shutdown). */
export function markServerDraining(): void {
  holder.__idpDraining = true;
}

/** Whether this server is shutting down (see markServerDraining). */
export function isServerDraining(): boolean {
  return holder.__idpDraining === true;
}
