import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { findGroup } from "../../groups/find-group";
import { groupJson } from "./group-json";

/** GET /api/v1/groups/:groupId */
export async function getGroup(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetGroup(ctx, ctx.request.params.groupId ?? "") };
}

/** getGroup as a typed operation. */
export async function runGetGroup(ctx: OperationContext, groupId: string) {
  return groupJson(ctx.orgUrl, await findGroup(ctx.db, groupId));
}
