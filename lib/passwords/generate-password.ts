import { randomBytes } from "node:crypto";
import { randomBase62 } from "../ids/new-id";

/**
 * A strong generated password: 24 base62 characters (~142 bits) plus one character from each class
 * that password policies commonly ask for.
 */
export function generatePassword(random: (size: number) => Buffer = randomBytes): string {
  const core = randomBase62(24, random);
  return `${core.slice(0, 8)}-${core.slice(8, 16)}-${core.slice(16)}aZ7`;
}
