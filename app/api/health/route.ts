import { getAppContext } from "@/lib/app-context";
import { checkHealth } from "@/lib/health/check-health";
import { isServerDraining } from "@/lib/health/server-draining";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth(getAppContext().db, { draining: isServerDraining() });
  return Response.json(report.body, { status: report.status, headers: { "Cache-Control": "no-store" } });
}
