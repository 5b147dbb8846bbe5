import type { runListSystemLogEvents } from "@/lib/admin/system-log/list-system-log-events";
import type { ListItem } from "@/lib/dashboard/call-operation";

export type LogEventJson = ListItem<typeof runListSystemLogEvents>;
