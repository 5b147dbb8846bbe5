import { decodeClientDataJSON } from "@simplewebauthn/server/helpers";

/** The challenge a WebAuthn client data JSON (base64url) carries, or null when it is not client data. */
export function readClientDataChallenge(clientDataJSON: string): string | null {
  try {
    const challenge = decodeClientDataJSON(clientDataJSON).challenge;
    return typeof challenge === "string" && challenge.length > 0 && challenge.length <= 512 ? challenge : null;
  } catch {
    return null;
  }
}
