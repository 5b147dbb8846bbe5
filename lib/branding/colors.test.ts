import { describe, expect, it } from "vitest";
import { bestContrastColor, contrastRatio, effectiveContrastColor, HEX_COLOR, mixColors, readableOn, relativeLuminance } from "./colors";

describe("brand colours (WCAG 2.2 contrast)", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#1d4ed8", "#ffffff", 6.7],
    ["#777777", "#ffffff", 4.48],
    ["#ffeb3b", "#000000", 17.2],
  ])("contrast %s on %s is %s:1", (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 1);
  });

  it("computes relative luminance of the primaries", () => {
    expect([relativeLuminance("#ff0000"), relativeLuminance("#00ff00"), relativeLuminance("#0000ff")].map((l) => Number(l.toFixed(4)))).toEqual([0.2126, 0.7152, 0.0722]);
  });

  it.each([
    ["#1d4ed8", "#ffffff"],
    ["#ffeb3b", "#000000"],
    ["#0b6e4f", "#ffffff"],
    ["#f2f7f5", "#000000"],
  ])("the computed contrast colour of %s is %s", (background, expected) => {
    expect(bestContrastColor(background)).toBe(expected);
  });

  it("keeps a given contrast colour that reads (>= 4.5:1) and replaces one that does not", () => {
    expect(effectiveContrastColor("#1d4ed8", "#FFFFFF")).toBe("#ffffff");
    expect(effectiveContrastColor("#1d4ed8", "#3b82f6")).toBe("#ffffff");
    expect(effectiveContrastColor("#ffeb3b", "#ffffff")).toBe("#000000");
    expect(effectiveContrastColor("#ffeb3b", null)).toBe("#000000");
  });

  it("darkens a pale primary until links in it read on white, and leaves a dark one", () => {
    expect(readableOn("#1d4ed8", "#ffffff")).toBe("#1d4ed8");
    const pale = readableOn("#ffeb3b", "#ffffff");
    expect(contrastRatio(pale, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(pale).not.toBe("#ffeb3b");
  });

  it("mixes colours channel by channel", () => {
    expect(mixColors("#000000", "#ffffff", 0.5)).toBe("#808080");
    expect(mixColors("#1d4ed8", "#000000", 0)).toBe("#1d4ed8");
  });

  it.each(["#1d4ed8", "#ABCDEF"])("accepts %s as #rrggbb", (value) => expect(HEX_COLOR.test(value)).toBe(true));
  it.each(["red", "#fff", "#1d4ed8;", "1d4ed8", "#1d4ed8ff", "#gggggg", "#1d4ed8\n"])("refuses %j", (value) => expect(HEX_COLOR.test(value)).toBe(false));
  it("throws on a colour that is not #rrggbb (never reached: inputs are validated)", () => {
    expect(() => contrastRatio("red", "#ffffff")).toThrow(RangeError);
  });
});
