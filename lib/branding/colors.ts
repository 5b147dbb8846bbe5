/** A colour as the Brands API takes it: `#rrggbb` (Okta's primaryColorHex and friends). */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

const BLACK = "#000000";
const WHITE = "#ffffff";

/** WCAG 2.2 "minimum contrast" for text (1.4.3, AA): what every brand colour pair on a page must reach. */
export const MIN_TEXT_CONTRAST = 4.5;

function channels(hex: string): [number, number, number] {
  if (!HEX_COLOR.test(hex)) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

/** Relative luminance (WCAG 2.2, "relative luminance": sRGB channels linearised, weighted 0.2126/0.7152/0.0722). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever reads better on `background` (what Okta computes when no contrast colour is given). */
export function bestContrastColor(background: string): string {
  return contrastRatio(background, BLACK) >= contrastRatio(background, WHITE) ? BLACK : WHITE;
}

/** `color` moved `fraction` (0..1) of the way toward `target`. */
export function mixColors(color: string, target: string, fraction: number): string {
  const from = channels(color);
  const to = channels(target);
  return toHex([0, 1, 2].map((i) => from[i]! + (to[i]! - from[i]!) * fraction) as [number, number, number]);
}

/**
 * `color`, darkened (or lightened, on a dark `background`) in small steps until it reads on
 * `background` with at least MIN_TEXT_CONTRAST: the brand's colour for links and text on the
 * white card, so a pale primary colour still gives readable links.
 */
export function readableOn(color: string, background: string): string {
  const target = bestContrastColor(background);
  let current = color.toLowerCase();
  for (let step = 1; contrastRatio(current, background) < MIN_TEXT_CONTRAST && step <= 20; step++) current = mixColors(color, target, step / 20);
  return current;
}

/** The contrast colour to use on `background`: the one given when it reaches MIN_TEXT_CONTRAST, else black or white. */
export function effectiveContrastColor(background: string, given: string | null): string {
  return given && contrastRatio(background, given) >= MIN_TEXT_CONTRAST ? given.toLowerCase() : bestContrastColor(background);
}
