/** Okta rotates AUTO-mode keys every 90 days. */
export const AUTO_ROTATION_DAYS = 90;

/** AUTO-mode servers rotate once `nextRotation` has come; MANUAL-mode servers never do by themselves. */
export function isRotationDue(server: { rotationMode: string; nextRotation: Date | null }, now: Date): boolean {
  return server.rotationMode === "AUTO" && server.nextRotation !== null && server.nextRotation.getTime() <= now.getTime();
}
