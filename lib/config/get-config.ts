import { ensureAppSecret } from "./ensure-app-secret";
import { parseConfig, type AppConfig } from "./parse-config";

export type RuntimeConfig = AppConfig & { secret: string };

let cached: RuntimeConfig | undefined;

/** The process's configuration, read once from the environment. Throws ConfigError when invalid. */
export function getConfig(): RuntimeConfig {
  if (!cached) {
    const config = parseConfig(process.env);
    cached = { ...config, secret: ensureAppSecret(config) };
  }
  return cached;
}
