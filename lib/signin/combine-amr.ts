/**
 * The kind of each authentication method (OIDC `amr` values, RFC 8176 2): something known (pwd,
 * pin), something held (otp, hwk, swk, sms), something one is (fpt, face). "user" (user presence)
 * and "mfa" are not methods of their own kind.
 */
const KIND_OF: Readonly<Record<string, "knowledge" | "possession" | "inherence">> = {
  pwd: "knowledge",
  pin: "knowledge",
  otp: "possession",
  hwk: "possession",
  swk: "possession",
  sms: "possession",
  fpt: "inherence",
  face: "inherence",
};

/**
 * The `amr` of a sign-in that used several methods: every method once, in the order first used,
 * and "mfa" (RFC 8176 2: "Multiple-factor authentication") when methods of two different kinds
 * were used, e.g. ["pwd"] then ["otp"] -> ["pwd", "otp", "mfa"]. A passkey alone (["hwk", "user"])
 * stays one kind.
 */
export function combineAmr(...lists: ReadonlyArray<readonly string[]>): string[] {
  const methods = [...new Set(lists.flat().filter((method) => method !== "mfa"))];
  const kinds = new Set(methods.flatMap((method) => (KIND_OF[method] ? [KIND_OF[method]] : [])));
  return kinds.size >= 2 ? [...methods, "mfa"] : methods;
}

/** Whether an `amr` includes a possession factor (a TOTP code or a WebAuthn assertion): a second factor was verified. */
export function includesFactor(amr: readonly string[]): boolean {
  return amr.some((method) => KIND_OF[method] === "possession");
}
