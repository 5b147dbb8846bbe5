import { describe, expect, it } from "vitest";
import { ID_PREFIX, newId, randomBase62 } from "./new-id";

describe("newId", () => {
  it.each(Object.entries(ID_PREFIX))("%s ids are 20 characters starting with %s", (kind, prefix) => {
    const id = newId(kind as keyof typeof ID_PREFIX);
    expect(id).toHaveLength(20);
    expect(id.startsWith(prefix)).toBe(true);
    expect(id).toMatch(/^[0-9A-Za-z]{20}$/);
  });

  it("maps injected bytes to base62 and drops the biased ones (248-255)", () => {
    const bytes = [255, 0, 248, 61, 62, 9, 10, 35, 36];
    const random = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => bytes[i % bytes.length]!));
    expect(randomBase62(7, random)).toBe("0z09AZa");
  });

  it("ids do not repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId("user")));
    expect(ids.size).toBe(1000);
  });
});
