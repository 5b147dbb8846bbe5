/** Small images for the branding tests: real signatures, so the server's sniffing sees what it would in a real upload. */
export const PNG_1PX = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
export const GIF_1PX = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
/** A JPEG's start of image and JFIF header (enough for the signature; never decoded). */
export const JPEG_HEAD = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0", "latin1"), Buffer.alloc(64, 1), Buffer.from([0xff, 0xd9])]);
export const SVG = Buffer.from(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`);
export const HTML = Buffer.from(`<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>`);
export const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x1a, 0, 0, 0]), Buffer.from("WEBPVP8 "), Buffer.alloc(16)]);

/** A PNG of `size` bytes: a valid signature and header, padded (the server checks the signature and the size, not the pixels). */
export function pngOfSize(size: number): Buffer {
  return Buffer.concat([PNG_1PX, Buffer.alloc(Math.max(0, size - PNG_1PX.length))]);
}
