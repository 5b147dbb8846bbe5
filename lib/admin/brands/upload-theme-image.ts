import { findTheme } from "../../branding/brand-records";
import { checkBrandImage, type BrandImageKind } from "../../branding/check-brand-image";
import { saveThemeImage } from "../../branding/change-theme-image";
import type { PlainRequest } from "../../http/plain-http";
import { unsupportedMediaTypeError, validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";

/** An uploaded file as the typed operation takes it: what the client declared (never believed) and the bytes. */
export type ImageUpload = { fileName: string; declaredType: string; data: Uint8Array };

const EVENT_NAMES: Record<BrandImageKind, string> = { logo: "logo", background: "background image" };

/** POST /api/v1/brands/:brandId/themes/:themeId/logo (multipart/form-data, field `file`) -> 201 {url}. */
export async function uploadThemeLogo(ctx: AdminContext): Promise<AdminResponse> {
  return upload(ctx, "logo");
}

/** POST /api/v1/brands/:brandId/themes/:themeId/background-image (multipart/form-data, field `file`) -> 201 {url}. */
export async function uploadThemeBackgroundImage(ctx: AdminContext): Promise<AdminResponse> {
  return upload(ctx, "background");
}

async function upload(ctx: AdminContext, kind: BrandImageKind): Promise<AdminResponse> {
  const { brandId = "", themeId = "" } = ctx.request.params;
  return { status: 201, body: await runUploadThemeImage(ctx, brandId, themeId, kind, () => readUploadedFile(ctx.request)) };
}

/**
 * The one file of a multipart/form-data upload, in the field `file` (as Okta's API and SDKs send
 * it): 415 for another content type, 400 E0000001 when there is no such file or more than one.
 */
export function readUploadedFile(request: PlainRequest): ImageUpload {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "multipart/form-data") throw unsupportedMediaTypeError();
  const files = (request.files ?? []).filter((file) => file.field === "file");
  if (files.length !== 1) throw validationError("file", [files.length ? "Send one file." : "A file in the multipart/form-data field \"file\" is required."]);
  const [file] = files;
  return { fileName: file!.fileName, declaredType: file!.declaredType, data: file!.data };
}

/**
 * A theme's logo or background image, replaced: checked by checkBrandImage (size, and PNG, JPEG or
 * GIF by its bytes, whatever it claims to be; SVG refused) -> 400 E0000001 "Api validation failed:
 * file" with the reason. Stored in the database, served by this server at /brand-assets/<sha256>.<ext>
 * (the returned `url`). Logged as `system.theme.image.update`.
 */
export async function runUploadThemeImage(ctx: OperationContext, brandId: string, themeId: string, kind: BrandImageKind, file: Deferred<ImageUpload>) {
  await findTheme(ctx.db, brandId, themeId);
  const upload = file();
  const checked = checkBrandImage(kind, upload.data);
  if (!checked.ok) throw validationError("file", [checked.message]);
  const path = await saveThemeImage(ctx.db, { brandId, themeId, kind, image: checked, now: ctx.now() }, (tx, { path, byteSize }) =>
    audit(tx, ctx, "system.theme.image.update", `Upload theme ${EVENT_NAMES[kind]}`, [{ id: themeId, type: "Theme", alternateId: brandId }], {
      image: kind,
      url: path,
      contentType: checked.contentType,
      byteSize,
    }),
  );
  return { url: `${ctx.orgUrl}${path}` };
}
