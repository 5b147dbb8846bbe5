import { getDb } from "@/lib/db/get-db";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth(getDb());
  return Response.json(report.body, { status: report.status, headers: { "Cache-Control": "no-store" } });
}
