import { prepareServer } from "./prepare-server";
import { StartupError } from "./startup-error";

/** The server's start-up hook: prepare, or print one line and exit when that is impossible. */
export async function startInstance(): Promise<void> {
  try {
    await prepareServer();
  } catch (error) {
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  }
}
