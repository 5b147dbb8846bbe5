/** A configuration problem: start-up stops with `message`, one line naming the variable. */
export class ConfigError extends Error {
  readonly code = "config.invalid";
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = "ConfigError";
  }
}
