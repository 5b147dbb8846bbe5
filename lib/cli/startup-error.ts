/** Start-up cannot continue; `message` is the one line to print. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}
