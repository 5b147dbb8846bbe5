import { describe, expect, it } from "vitest";
import { placeInOrder, renumber, type Sibling } from "./place-in-order";

const custom = (id: string, priority: number): Sibling => ({ id, priority, system: false });
const fallback = (priority: number): Sibling => ({ id: "default", priority, system: true });

describe("placeInOrder", () => {
  it.each([
    ["none asked: just before the default", [custom("a", 1), fallback(2)], null, 2, [{ id: "default", priority: 3, system: true }]],
    ["first", [custom("a", 1), fallback(2)], 1, 1, [{ id: "a", priority: 2, system: false }, { id: "default", priority: 3, system: true }]],
    ["the default's place or beyond: before it", [custom("a", 1), fallback(2)], 7, 2, [{ id: "default", priority: 3, system: true }]],
    ["zero or negative counts as first", [fallback(1)], 0, 1, [{ id: "default", priority: 2, system: true }]],
    ["only the default", [fallback(1)], null, 1, [{ id: "default", priority: 2, system: true }]],
    ["no siblings", [], 3, 1, []],
    ["gaps and duplicates become dense", [custom("a", 1), custom("b", 1), fallback(9)], 2, 2, [{ id: "b", priority: 3, system: false }, { id: "default", priority: 4, system: true }]],
    ["a move (siblings given without the item)", [custom("b", 2), custom("c", 3), fallback(4)], 3, 3, [{ id: "b", priority: 1, system: false }, { id: "c", priority: 2, system: false }]],
  ] as const)("%s", (_, siblings, requested, priority, moved) => {
    expect(placeInOrder(siblings, requested)).toEqual({ priority, moved });
  });

  it("keeps a system item last whatever it asks for", () => {
    expect(placeInOrder([custom("a", 1), custom("b", 2)], 1, true)).toEqual({ priority: 3, moved: [] });
    expect(placeInOrder([custom("a", 2)], null, true)).toEqual({ priority: 2, moved: [{ id: "a", priority: 1, system: false }] });
  });
});

describe("renumber", () => {
  it("numbers the remaining siblings 1..n and returns those that change", () => {
    expect(renumber([custom("b", 2), fallback(3)])).toEqual([{ id: "b", priority: 1, system: false }, { id: "default", priority: 2, system: true }]);
    expect(renumber([custom("a", 1), fallback(2)])).toEqual([]);
  });
});
