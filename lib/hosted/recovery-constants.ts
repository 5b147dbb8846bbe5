// What the account pages show of the domain (app/ reaches the domain only through a surface).
import { PASSWORD_POLICY } from "../passwords/check-password-policy";

export type { UserTokenKind } from "../user-tokens/user-token-kinds";
export const PASSWORD_MIN_LENGTH = PASSWORD_POLICY.minLength;
