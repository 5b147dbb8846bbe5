import { createHash } from "node:crypto";

/** Tokens, codes and API keys are stored under their SHA-256 (hex): high-entropy, so no KDF is needed. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
