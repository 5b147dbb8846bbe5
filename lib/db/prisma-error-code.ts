/**
 * Prisma's error code, e.g. P2002 (a concurrent request took the same unique key between our
 * check and our write) or P2003 (a referenced row vanished in the meantime); null otherwise.
 */
export function prismaErrorCode(error: unknown): string | null {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : null;
}
