import { createHash } from "node:crypto";
import { isBrandImageType, sniffImageType, type BrandImageType } from "./sniff-image-type";

/** The images a theme has: its logo and its background image (Okta's favicon is not kept). */
export const BRAND_IMAGE_KINDS = ["logo", "background"] as const;
export type BrandImageKind = (typeof BRAND_IMAGE_KINDS)[number];

/**
 * The largest image of each kind, in bytes. Okta: a logo under 100 kB; a background image under
 * 2 MB, here under 1 MB, so that the dashboard's upload (a server action, 1 MB) and the API accept
 * the same files.
 */
export const BRAND_IMAGE_MAX_BYTES: Record<BrandImageKind, number> = { logo: 100_000, background: 1_000_000 };

export type CheckedBrandImage = { ok: true; contentType: BrandImageType; sha256: string; data: Uint8Array } | { ok: false; reason: "empty" | "too-large" | "wrong-type"; message: string };

const NAMES: Record<BrandImageKind, string> = { logo: "The logo", background: "The background image" };

/**
 * An uploaded image, checked before it is stored: not empty, not over its kind's limit, and a PNG,
 * JPEG or GIF by its bytes (sniffImageType: the declared type is never believed, so a script
 * named logo.png is refused). SVG is refused outright: it is a document that can carry script.
 */
export function checkBrandImage(kind: BrandImageKind, data: Uint8Array): CheckedBrandImage {
  const name = NAMES[kind];
  if (data.byteLength === 0) return { ok: false, reason: "empty", message: `${name} file is empty.` };
  const limit = BRAND_IMAGE_MAX_BYTES[kind];
  if (data.byteLength > limit) return { ok: false, reason: "too-large", message: `${name} must be at most ${limit / 1000} KB; this file is ${Math.ceil(data.byteLength / 1000)} KB.` };
  const type = sniffImageType(data);
  if (!isBrandImageType(type)) {
    const what = type === "image/svg+xml" ? "an SVG image, which is not accepted (it can carry script)" : type === "image/webp" ? "a WebP image" : "not an image this server recognises";
    return { ok: false, reason: "wrong-type", message: `${name} must be a PNG, JPEG or GIF image; this file is ${what}.` };
  }
  return { ok: true, contentType: type, sha256: createHash("sha256").update(data).digest("hex"), data };
}
