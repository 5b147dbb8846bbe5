/** The image types a theme accepts (Okta: PNG, JPG or GIF). SVG is refused: it is a document that can carry script. */
export const BRAND_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif"] as const;
export type BrandImageType = (typeof BRAND_IMAGE_TYPES)[number];

/** What the bytes are, by their signature (magic bytes), whatever the upload claimed. */
export type SniffedType = BrandImageType | "image/svg+xml" | "image/webp" | "unknown";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);

/**
 * The type of an image from its first bytes (the WHATWG MIME Sniffing Standard's image patterns):
 * PNG `89 50 4E 47 0D 0A 1A 0A`, JPEG `FF D8 FF`, GIF `GIF87a`/`GIF89a`, WebP `RIFF....WEBP`; an
 * SVG is recognised by a leading `<svg` or `<?xml` (after whitespace or a BOM) only to be named
 * in the refusal. The type a client declares (Content-Type, file name) is never believed.
 */
export function sniffImageType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return "image/gif";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg")) || (head.startsWith("<!doctype svg"))) return "image/svg+xml";
  return "unknown";
}

export function isBrandImageType(type: SniffedType): type is BrandImageType {
  return (BRAND_IMAGE_TYPES as readonly string[]).includes(type);
}

/** The served file's extension for a type. */
export const IMAGE_EXTENSIONS: Record<BrandImageType, string> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif" };
