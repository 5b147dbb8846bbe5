import type { BrandBody, SignInPageBody, ThemeBody } from "../../admin/brands/brand-input";
import { runDeleteThemeImage } from "../../admin/brands/delete-theme-image";
import { runReplaceBrand } from "../../admin/brands/replace-brand";
import { runReplaceBrandTheme } from "../../admin/brands/replace-brand-theme";
import { runReplaceSignInPage } from "../../admin/brands/sign-in-page";
import { runUploadThemeImage } from "../../admin/brands/upload-theme-image";
import { callOperation } from "../call-operation";
import { checked, optionalText, text, type FormInput } from "../form-input";
import { idParam, invalid, outcome } from "./outcome";
import type { DashboardAction } from "./types";

const IMAGE_KINDS = { logo: "logo", background: "background image" } as const;

function imageKind(form: FormInput): keyof typeof IMAGE_KINDS | null {
  const kind = text(form, "kind");
  return kind === "logo" || kind === "background" ? kind : null;
}

function brandBody(form: FormInput): BrandBody {
  return {
    name: text(form, "name"),
    customPrivacyPolicyUrl: optionalText(form, "customPrivacyPolicyUrl"),
    agreeToCustomPrivacyPolicy: checked(form, "agreeToCustomPrivacyPolicy"),
    locale: text(form, "locale"),
  };
}

function themeBody(form: FormInput): ThemeBody {
  return {
    primaryColorHex: text(form, "primaryColorHex").trim(),
    primaryColorContrastHex: optionalText(form, "primaryColorContrastHex")?.trim() ?? null,
    secondaryColorHex: text(form, "secondaryColorHex").trim(),
    secondaryColorContrastHex: optionalText(form, "secondaryColorContrastHex")?.trim() ?? null,
    signInPageTouchPointVariant: text(form, "signInPageTouchPointVariant"),
    errorPageTouchPointVariant: text(form, "errorPageTouchPointVariant"),
    emailTemplateTouchPointVariant: text(form, "emailTemplateTouchPointVariant"),
  };
}

const SIGN_IN_FIELDS = ["signInLabel", "classicFooterHelpTitle", "helpLabel", "helpUrl", "customLink1Label", "customLink1Url", "customLink2Label", "customLink2Url"] as const;

function signInBody(form: FormInput): SignInPageBody {
  return { widgetCustomizations: Object.fromEntries(SIGN_IN_FIELDS.map((field) => [field, optionalText(form, field)])) };
}

/** The Branding page's actions: each the very typed operation the Brands API runs (validation, audit). */
export const brandingActions: Record<string, DashboardAction> = {
  "branding.updateBrand": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runReplaceBrand(ctx, idParam(text(form, "brandId")), () => brandBody(form))), "Saved the brand. Every hosted page and email shows it now."),
  "branding.updateTheme": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runReplaceBrandTheme(ctx, idParam(text(form, "brandId")), idParam(text(form, "themeId")), () => themeBody(form))), "Saved the colours."),
  "branding.updateSignIn": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runReplaceSignInPage(ctx, idParam(text(form, "brandId")), () => signInBody(form))), "Saved the sign-in page and footer links."),
  "branding.uploadImage": async (call, form, files) => {
    const kind = imageKind(form);
    const file = files.file;
    if (!kind) return invalid("Choose the logo or the background image.");
    if (!file) return invalid(`Choose a ${IMAGE_KINDS[kind]} file to upload (PNG, JPEG or GIF).`);
    return outcome(
      await callOperation(call, (ctx) => runUploadThemeImage(ctx, idParam(text(form, "brandId")), idParam(text(form, "themeId")), kind, () => file)),
      `Uploaded the ${IMAGE_KINDS[kind]}.`,
    );
  },
  "branding.removeImage": async (call, form) => {
    const kind = imageKind(form);
    if (!kind) return invalid("Choose the logo or the background image.");
    return outcome(await callOperation(call, (ctx) => runDeleteThemeImage(ctx, idParam(text(form, "brandId")), idParam(text(form, "themeId")), kind)), `Removed the ${IMAGE_KINDS[kind]}.`);
  },
};
