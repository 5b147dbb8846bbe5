import type { OperationContext } from "../admin-request";

/** When each of a server's signing keys was created, activated and expired, by kid (the dashboard's keys page). */
export async function runListKeyDates(ctx: OperationContext, authServerId: string) {
  const rows = await ctx.db.signingKey.findMany({ where: { authServerId }, select: { kid: true, created: true, activated: true, expired: true } });
  return new Map(rows.map((row) => [row.kid, row]));
}
