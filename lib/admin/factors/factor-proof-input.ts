import { z } from "zod";
import type { BodyOf } from "../../okta-api/parse-input";

const field = z.string({ error: "Must be a string." }).max(64 * 1024, "The value is too long.");

/**
 * The body of activate and verify: a TOTP `passCode`, or the WebAuthn fields (activate: `attestation`
 * and `clientData`; verify: `clientData`, `authenticatorData` and `signatureData`), base64 or
 * base64url. Which ones a factor needs depends on its type, checked when the factor is known.
 */
export const factorProofInput = z.object({
  passCode: field.optional(),
  attestation: field.optional(),
  clientData: field.optional(),
  authenticatorData: field.optional(),
  signatureData: field.optional(),
});

export type FactorProofBody = BodyOf<typeof factorProofInput>;
