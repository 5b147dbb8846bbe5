import { listClients as findClientPage } from "../../apps/list-clients";
import type { AdminContext, AdminResponse } from "../admin-request";
import { pageLinkHeader, parsePageParams } from "../pagination";
import { clientJson } from "./client-json";

/**
 * GET /oauth2/v1/clients?q&limit&after -> 200 [client metadata]: every OIDC app (registered here or
 * through the Apps API: they are the same objects), by client_id, 20 a page by default (at most
 * 200). `q` matches the start of client_name, case-insensitively.
 */
export async function listClients(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const page = parsePageParams(url, 20, 200);
  const q = url.searchParams.get("q")?.trim().toLowerCase() ?? "";
  const { apps, nextCursor } = await findClientPage(ctx.db, { q, limit: page.limit, after: page.after });
  return { status: 200, body: apps.map((app) => clientJson(app, null)), headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q"]) } };
}
