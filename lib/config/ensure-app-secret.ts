import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError } from "./config-error";
import type { AppConfig } from "./parse-config";

/**
 * Returns APP_SECRET, or in the embedded default the secret kept in `config.secretFile`, creating it
 * (mode 0600, exclusively, so two instances starting at once agree) on first start.
 */
export function ensureAppSecret(config: AppConfig): string {
  if (config.appSecret !== null) return config.appSecret;
  const file = resolve(config.secretFile);
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(48).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new ConfigError("APP_SECRET", `is unset and the secret file ${file} could not be created (${(error as Error).message}).`);
    }
  }
  let secret: string;
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    secret = readFileSync(file, "utf8").trim();
  } catch (error) {
    throw new ConfigError("APP_SECRET", `is unset and the secret file ${file} could not be read (${(error as Error).message}).`);
  }
  if (secret.length < 32) throw new ConfigError("APP_SECRET", `is unset and the secret file ${file} is too short or empty.`);
  return secret;
}
