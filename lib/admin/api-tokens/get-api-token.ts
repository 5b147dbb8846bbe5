import type { AdminContext, AdminResponse } from "../admin-request";
import { apiTokenJson } from "./api-token-json";
import { findVisibleApiToken } from "./find-visible-api-token";

/** GET /api/v1/api-tokens/:apiTokenId -> 200 metadata (SDK getApiToken): the caller's own, or any with apiTokens.read. */
export async function getApiToken(ctx: AdminContext): Promise<AdminResponse> {
  const token = await findVisibleApiToken(ctx, ctx.request.params.apiTokenId ?? "", "apiTokens.read");
  return { status: 200, body: apiTokenJson(ctx.orgUrl, token) };
}
