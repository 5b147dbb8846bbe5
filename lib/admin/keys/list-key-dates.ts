import { listKeyDates } from "../../keys/list-key-dates";
import type { OperationContext } from "../admin-request";

/** When each of a server's signing keys was created, activated and expired, by kid (the dashboard's keys page). */
export async function runListKeyDates(ctx: OperationContext, authServerId: string) {
  return listKeyDates(ctx.db, authServerId);
}
