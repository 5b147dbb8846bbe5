import type { Prisma } from "./generated/sqlite/client";

/** Values that are JSON by construction (plain objects of strings, numbers, arrays) for Json columns. */
export function asJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
