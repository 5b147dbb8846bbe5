import type { AppContext } from "../app-context";
import { findBrandImage } from "../branding/brand-records";
import type { PlainRequest, PlainResponse } from "../http/plain-http";

const FILE = /^([0-9a-f]{64})\.(png|jpg|gif)$/;
const TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", gif: "image/gif" };

/**
 * GET /brand-assets/<sha256>.<ext>: a theme's uploaded logo or background image, served by this
 * server from the database. The name is the bytes' SHA-256, so the content at a URL never changes:
 * cached for a year as immutable. The type is the one sniffed at upload (PNG, JPEG or GIF, never
 * what the uploader claimed), with nosniff and a CSP that forbids everything, so the bytes can only
 * ever be an image. An unknown or malformed name is a plain 404.
 */
export async function serveBrandAsset(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const match = FILE.exec(request.params.file ?? "");
  const image = match ? await findBrandImage(app.db, match[1]!) : null;
  if (!match || !image || image.contentType !== TYPES[match[2]!]) {
    return { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" }, binary: { contentType: "text/plain; charset=utf-8", data: new TextEncoder().encode("Not found\n") } };
  }
  return {
    status: 200,
    headers: {
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
    binary: { contentType: image.contentType, data: image.data },
  };
}
