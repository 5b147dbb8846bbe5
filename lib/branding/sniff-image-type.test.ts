import { describe, expect, it } from "vitest";
import { BRAND_IMAGE_MAX_BYTES, checkBrandImage } from "./check-brand-image";
import { sniffImageType } from "./sniff-image-type";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))));

describe("sniffImageType: the type by the bytes, never by the name or declared type", () => {
  it.each([
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "rest"), "image/png"],
    ["JPEG (JFIF)", bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"), "image/jpeg"],
    ["JPEG (Exif)", bytes([0xff, 0xd8, 0xff, 0xe1], "Exif"), "image/jpeg"],
    ["GIF89a", bytes("GIF89a", [1, 0, 1, 0]), "image/gif"],
    ["GIF87a", bytes("GIF87a", [1, 0, 1, 0]), "image/gif"],
    ["WebP", bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "image/webp"],
    ["SVG", bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"), "image/svg+xml"],
    ["SVG after an XML declaration", bytes("<?xml version='1.0'?>\n<svg/>"), "image/svg+xml"],
    ["SVG after a BOM and whitespace", bytes([0xef, 0xbb, 0xbf], "  \n<SVG/>"), "image/svg+xml"],
    ["HTML", bytes("<!DOCTYPE html><script>alert(1)</script>"), "unknown"],
    ["a PNG signature cut short", bytes([0x89, 0x50, 0x4e, 0x47]), "unknown"],
    ["GIF with a bad version", bytes("GIF88a"), "unknown"],
    ["a RIFF that is not WebP", bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "), "unknown"],
    ["nothing", bytes(), "unknown"],
  ])("%s -> %s", (_name, data, type) => {
    expect(sniffImageType(data)).toBe(type);
  });
});

describe("checkBrandImage", () => {
  const png = (size: number) => new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size - 8)]));

  it("accepts a PNG at the limit and names it by its SHA-256", () => {
    const checked = checkBrandImage("logo", png(BRAND_IMAGE_MAX_BYTES.logo));
    expect(checked).toMatchObject({ ok: true, contentType: "image/png", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it.each([
    ["logo", png(100_001), "too-large"],
    ["background", png(1_000_001), "too-large"],
    ["logo", new Uint8Array(0), "empty"],
    ["logo", bytes("<svg/>"), "wrong-type"],
    ["background", bytes("GIF88a"), "wrong-type"],
  ] as const)("refuses a %s: %s", (kind, data, reason) => {
    expect(checkBrandImage(kind, data)).toMatchObject({ ok: false, reason });
  });
});
