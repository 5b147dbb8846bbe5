import type { AdminContext, AdminResponse } from "../admin-request";
import { apiTokenJson } from "./api-token-json";
import { findApiToken } from "../../api-tokens/find-api-token";

/** GET /api/v1/api-tokens/:apiTokenId -> 200 metadata (SDK getApiToken). */
export async function getApiToken(ctx: AdminContext): Promise<AdminResponse> {
  const token = await findApiToken(ctx.db, ctx.request.params.apiTokenId ?? "", ctx.now());
  return { status: 200, body: apiTokenJson(ctx.orgUrl, token) };
}
