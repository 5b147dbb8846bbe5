import { signFixedJwt } from "@/lib/bench/sign-fixed-jwt";

export const dynamic = "force-dynamic";

// The benchmark's reference route (npm run bench); absent unless BENCH_ROUTES=1.
export async function POST() {
  if (process.env.BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  return Response.json(await signFixedJwt(new Date()), { headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });
}
