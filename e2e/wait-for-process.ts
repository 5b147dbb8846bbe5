import type { ChildProcess } from "node:child_process";

/**
 * Waits until a server a spec started answers 2xx at `healthUrl`, polling every 100 ms; fails at
 * once if the process exits, and after `timeoutMs`.
 */
export async function waitForProcess(server: ChildProcess, healthUrl: string, timeoutMs = 60_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    if (server.exitCode !== null) throw new Error(`the server for ${healthUrl} exited with ${server.exitCode}`);
    const up = await fetch(healthUrl).then(
      (res) => res.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server for ${healthUrl} did not start within ${timeoutMs} ms`);
}
