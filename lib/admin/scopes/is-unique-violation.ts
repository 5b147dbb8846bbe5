import { prismaErrorCode } from "../../db/prisma-error-code";

/** Prisma's P2002: a concurrent request took the same unique key between our check and our write. */
export function isUniqueViolation(error: unknown): boolean {
  return prismaErrorCode(error) === "P2002";
}
