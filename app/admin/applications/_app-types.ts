import type { runGetApp } from "@/lib/admin/apps/get-app";
import type { OperationValue } from "@/lib/dashboard/call-operation";

export type AppJson = OperationValue<typeof runGetApp>;

export const TYPE_LABELS: Record<string, string> = { web: "Web", browser: "Single-page", native: "Native", service: "Service" };
