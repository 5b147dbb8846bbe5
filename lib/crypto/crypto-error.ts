export type CryptoErrorCode = "crypto.malformed" | "crypto.tampered";

export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CryptoError";
  }
}
