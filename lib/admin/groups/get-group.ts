import type { AdminContext, AdminResponse } from "../admin-request";
import { findGroup } from "./find-group";
import { groupJson } from "./group-json";

/** GET /api/v1/groups/:groupId */
export async function getGroup(ctx: AdminContext): Promise<AdminResponse> {
  const group = await findGroup(ctx.db, ctx.request.params.groupId ?? "");
  return { status: 200, body: groupJson(ctx.orgUrl, group) };
}
