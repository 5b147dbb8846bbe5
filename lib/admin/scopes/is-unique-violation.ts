/** Prisma's P2002: a concurrent request took the same unique key between our check and our write. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
