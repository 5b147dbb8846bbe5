import type { InTransaction } from "../db/record-change";

/**
 * THE SEAM for the lead to wire (issue 17, item 5: email change with verification). It must issue a
 * single-use verification token for `newEmail` from the user-token store of the activation and
 * recovery flows (stored hashed, with its expiry, purpose "email-change" and the new address), inside
 * the caller's transaction, and return the token (handed only to the email) with its expiry. Until
 * that store exists here it issues nothing and returns null: requestEmailChange then changes nothing
 * and the page says email changes are not available yet.
 */
export async function issueEmailChangeToken(tx: InTransaction, input: { userId: string; newEmail: string; now: Date }): Promise<{ token: string; expiresAt: Date } | null> {
  void tx;
  void input;
  return null;
}
