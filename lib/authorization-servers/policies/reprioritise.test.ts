import { describe, expect, it } from "vitest";
import { closeGap, placeAt, type Ranked } from "./reprioritise";

const rows = (...ids: string[]): Ranked[] => ids.map((id, index) => ({ id, priority: index + 1 }));

describe("placeAt", () => {
  it("appends when the priority is omitted or too large", () => {
    expect(placeAt(rows("a", "b"), undefined)).toEqual({ priority: 3, changes: [] });
    expect(placeAt(rows("a", "b"), null)).toEqual({ priority: 3, changes: [] });
    expect(placeAt(rows("a", "b"), 3)).toEqual({ priority: 3, changes: [] });
    expect(placeAt(rows("a", "b"), 99)).toEqual({ priority: 3, changes: [] });
    expect(placeAt([], 5)).toEqual({ priority: 1, changes: [] });
  });

  it("shifts the item at the requested priority and those after it down by one", () => {
    expect(placeAt(rows("a", "b", "c"), 1)).toEqual({ priority: 1, changes: [{ id: "a", priority: 2 }, { id: "b", priority: 3 }, { id: "c", priority: 4 }] });
    expect(placeAt(rows("a", "b", "c"), 2)).toEqual({ priority: 2, changes: [{ id: "b", priority: 3 }, { id: "c", priority: 4 }] });
  });

  it("moves an existing item: the others are given without it", () => {
    // [a1 b2 c3 d4], move a to 3: others are b2 c3 d4 -> b1 c2 (a3) d4
    expect(placeAt([{ id: "b", priority: 2 }, { id: "c", priority: 3 }, { id: "d", priority: 4 }], 3)).toEqual({
      priority: 3,
      changes: [{ id: "b", priority: 1 }, { id: "c", priority: 2 }],
    });
    // [a1 b2 c3], move c to 1: others a1 b2 -> (c1) a2 b3
    expect(placeAt(rows("a", "b"), 1)).toEqual({ priority: 1, changes: [{ id: "a", priority: 2 }, { id: "b", priority: 3 }] });
  });

  it("makes stored gaps and duplicates dense", () => {
    expect(placeAt([{ id: "a", priority: 1 }, { id: "b", priority: 1 }, { id: "c", priority: 7 }], undefined)).toEqual({
      priority: 4,
      changes: [{ id: "b", priority: 2 }, { id: "c", priority: 3 }],
    });
  });
});

describe("closeGap", () => {
  it("renumbers the remaining items densely", () => {
    expect(closeGap([{ id: "a", priority: 1 }, { id: "c", priority: 3 }, { id: "d", priority: 4 }])).toEqual([{ id: "c", priority: 2 }, { id: "d", priority: 3 }]);
    expect(closeGap(rows("a", "b"))).toEqual([]);
  });
});
