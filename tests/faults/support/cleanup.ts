/**
 * Last-resort cleanup for what a fault test starts (PostgreSQL clusters, server processes): each
 * resource registers a synchronous undo, run when the test process exits however it exits. Tests
 * still stop what they start in afterAll; this catches a failed or timed-out hook. The faults
 * project's globalSetup sweeps the run directory once more at the end (global-setup.ts).
 */
const undos = new Map<symbol, () => void>();
let hooked = false;

export function onExit(undo: () => void): () => void {
  if (!hooked) {
    hooked = true;
    process.once("exit", runAll);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        runAll();
        process.exit(128 + (signal === "SIGINT" ? 2 : 15));
      });
    }
  }
  const key = Symbol("undo");
  undos.set(key, undo);
  return () => undos.delete(key);
}

function runAll(): void {
  for (const undo of [...undos.values()].reverse()) {
    try {
      undo();
    } catch {
      // best effort: the process is going away
    }
  }
  undos.clear();
}
