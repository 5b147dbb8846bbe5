import type { LogTarget } from "../../system-log/write-system-log";

/** An app as a System Log target (Okta's type AppInstance). */
export function appTarget(app: { id: string; label: string; name: string }): LogTarget {
  return { id: app.id, type: "AppInstance", alternateId: app.name, displayName: app.label };
}
