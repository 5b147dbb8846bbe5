// Runs once when a server instance starts, before it takes requests: configuration, migrations,
// first-run bootstrap (lib/cli/start-instance.ts). A problem stops the process with one line.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInstance } = await import("./lib/cli/start-instance");
    await startInstance();
  }
}
