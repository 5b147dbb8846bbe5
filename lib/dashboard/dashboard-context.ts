import type { AppContext } from "../app-context";
import type { DashboardAdmin } from "./require-admin";

/** What a dashboard read or action needs from the process (AppContext, injectable in tests). */
export type DashboardApp = Pick<AppContext, "db" | "orgUrl" | "secretsKey" | "now"> & Partial<Pick<AppContext, "provider">>;

/** Who is calling, as the HTTP layer saw it (for the System Log). */
export type DashboardClient = { ipAddress: string | null; userAgent: string | null };

/** An admin-checked call: every dashboard operation receives one. */
export type AdminCall = { app: DashboardApp; admin: DashboardAdmin; client: DashboardClient };
