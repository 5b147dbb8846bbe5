import { createHash } from "node:crypto";

/** Tokens, codes and API keys are stored under their SHA-256 (hex): high-entropy, so no KDF is needed. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The same SHA-256 as 32 bytes, for the tables written per token (refresh tokens): half the size of the hex in the row and its index. */
export function hashTokenBytes(token: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(token, "utf8").digest());
}
