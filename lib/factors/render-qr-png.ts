import QRCode from "qrcode";

/** A QR code of `text` as a PNG image, rendered here (no external service sees the secret it carries). */
export function renderQrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 6 });
}
