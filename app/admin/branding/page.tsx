import { BRAND_IMAGE_MAX_BYTES, loadBrandingSettings, MIN_TEXT_CONTRAST, SUPPORTED_LOCALES } from "@/lib/dashboard/branding-settings";
import { ActionForm } from "../_components/action-form";
import { Checkbox, Field, inputClass, PageHeader, Section, SelectField, TextField } from "../_components/ui";
import { read } from "../_lib/admin-request";

export const metadata = { title: "Branding" };

const BACKGROUNDS = [
  { value: "OKTA_DEFAULT", label: "Default (light grey)" },
  { value: "BACKGROUND_SECONDARY_COLOR", label: "Secondary colour" },
  { value: "BACKGROUND_IMAGE", label: "Background image" },
];
const LOCALE_NAMES: Record<string, string> = { en: "English", de: "Deutsch", fr: "Français" };

function ContrastNote({ ratio, replaced, computed }: { ratio: number | null; replaced: boolean; computed: string }) {
  if (ratio === null) return <>Left empty: the pages use {computed === "#ffffff" ? "white" : "black"}, whichever reads better.</>;
  if (replaced) return <strong className="text-red-800">Contrast {ratio.toFixed(1)}:1 is under {MIN_TEXT_CONTRAST}:1: the pages use {computed === "#ffffff" ? "white" : "black"} instead.</strong>;
  return <>Contrast {ratio.toFixed(1)}:1 (at least {MIN_TEXT_CONTRAST}:1 needed).</>;
}

/**
 * The org's brand, as the Brands API sets it: product name, colours (with a preview and their
 * contrast), logo and background image, the sign-in page's heading and help text, footer links.
 */
export default async function BrandingPage() {
  const { brand, theme, signIn, page, contrast } = await read((ctx) => loadBrandingSettings(ctx));
  const ids = { brandId: brand.id, themeId: theme.id };
  return (
    <>
      <PageHeader title="Branding" description="How every hosted page (sign-in, consent, errors, sign-out) and every email looks. Changes apply at once on every instance." />

      <Section title="Preview" description="The hosted pages' header, a button and a link with the saved brand.">
        <div className="max-w-md rounded-md border border-slate-200 p-4" style={{ background: page.background["sign-in"] === "secondary" ? page.colors.secondary : "#f8fafc" }} data-testid="brand-preview">
          <div className="mb-3 flex justify-center">
            {page.logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- the brand's uploaded logo, served by this server
              <img src={page.logoUrl} alt={page.productName} className="max-h-12 w-auto" />
            ) : (
              <p className="text-lg font-semibold" style={{ color: page.background["sign-in"] === "secondary" ? page.colors.onSecondary : "#0f172a" }}>
                {page.productName}
              </p>
            )}
          </div>
          <div className="rounded-md border border-slate-200 bg-white p-4">
            <p className="mb-3 text-sm text-slate-700">
              A link looks <span style={{ color: page.colors.primaryText, textDecoration: "underline" }}>like this</span>.
            </p>
            <span className="inline-block rounded-md px-4 py-2 font-medium" style={{ background: page.colors.primary, color: page.colors.onPrimary }}>
              Sign in
            </span>
          </div>
        </div>
      </Section>

      <Section title="Brand" description="The product's own name appears in every hosted page's header and title and in emails.">
        <ActionForm action="branding.updateBrand" fields={{ brandId: brand.id }} submitLabel="Save brand">
          <div className="grid max-w-2xl grid-cols-1 gap-4">
            <TextField name="name" label="Product name" defaultValue={brand.name} required />
            <SelectField name="locale" label="Default language" defaultValue={brand.locale} options={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] ?? locale }))} />
            <TextField name="customPrivacyPolicyUrl" label="Privacy policy URL" type="url" defaultValue={brand.customPrivacyPolicyUrl} hint="An https address; shown in every hosted page's footer and in emails." />
            <Checkbox name="agreeToCustomPrivacyPolicy" id="f-agreeToCustomPrivacyPolicy" label="Show this privacy policy instead of none" defaultChecked={brand.agreeToCustomPrivacyPolicy} />
          </div>
        </ActionForm>
      </Section>

      <Section title="Colours" description={`Colours are #rrggbb. Text colours under ${MIN_TEXT_CONTRAST}:1 contrast are replaced by black or white on the pages, so they stay readable.`}>
        <ActionForm action="branding.updateTheme" fields={ids} submitLabel="Save colours">
          <div className="grid max-w-2xl grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField name="primaryColorHex" label="Primary colour (buttons, links)" defaultValue={theme.primaryColorHex} required placeholder="#1d4ed8" />
            <TextField name="primaryColorContrastHex" label="Text on the primary colour" defaultValue={theme.primaryColorContrastHex} placeholder="computed" hint={<ContrastNote {...contrast.primary} />} />
            <TextField name="secondaryColorHex" label="Secondary colour (page background)" defaultValue={theme.secondaryColorHex} required placeholder="#f8fafc" />
            <TextField name="secondaryColorContrastHex" label="Text on the secondary colour" defaultValue={theme.secondaryColorContrastHex} placeholder="computed" hint={<ContrastNote {...contrast.secondary} />} />
            <SelectField name="signInPageTouchPointVariant" label="Sign-in pages' background" defaultValue={theme.signInPageTouchPointVariant} options={BACKGROUNDS} />
            <SelectField name="errorPageTouchPointVariant" label="Error pages' background" defaultValue={theme.errorPageTouchPointVariant} options={BACKGROUNDS} />
            <SelectField
              name="emailTemplateTouchPointVariant"
              label="Emails"
              defaultValue={theme.emailTemplateTouchPointVariant}
              options={[
                { value: "FULL_THEME", label: "Logo and primary colour" },
                { value: "OKTA_DEFAULT", label: "Neutral (product name only)" },
              ]}
            />
          </div>
        </ActionForm>
      </Section>

      <Section title="Logo and background image" description="PNG, JPEG or GIF, checked by their content (SVG is not accepted: it can carry script). Served by this server.">
        <div className="grid max-w-2xl grid-cols-1 gap-6">
          {(
            [
              ["logo", "Logo", theme.logo, BRAND_IMAGE_MAX_BYTES.logo],
              ["background", "Background image", theme.backgroundImage, BRAND_IMAGE_MAX_BYTES.background],
            ] as const
          ).map(([kind, label, current, max]) => (
            <div key={kind} className="flex flex-col gap-3">
              <ActionForm action="branding.uploadImage" fields={{ ...ids, kind }} submitLabel={`Upload ${label.toLowerCase()}`} resetOnSuccess>
                <Field label={label} htmlFor={`f-upload-${kind}`} hint={`${current ? "Replaces the current one. " : ""}At most ${max / 1000} KB.`}>
                  <input id={`f-upload-${kind}`} name="file" type="file" accept="image/png,image/jpeg,image/gif" required aria-describedby={`f-upload-${kind}-hint`} className={inputClass} />
                </Field>
              </ActionForm>
              {current ? (
                <div className="flex items-center gap-3">
                  {/* eslint-disable-next-line @next/next/no-img-element -- the brand's uploaded image, served by this server */}
                  <img src={current} alt={`Current ${label.toLowerCase()}`} className="max-h-12 w-auto rounded border border-slate-200" />
                  <ActionForm action="branding.removeImage" fields={{ ...ids, kind }} submitLabel={`Remove ${label.toLowerCase()}`} variant="secondary" inline />
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </Section>

      <Section title="Sign-in page and footer links" description="The heading and help text of the sign-in page; the links in every hosted page's footer (absolute https, http or mailto addresses).">
        <ActionForm action="branding.updateSignIn" fields={{ brandId: brand.id }} submitLabel="Save sign-in page">
          <div className="grid max-w-2xl grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField name="signInLabel" label="Sign-in heading" defaultValue={signIn.signInLabel} placeholder="Sign in" />
            <TextField name="classicFooterHelpTitle" label="Help text under the heading" defaultValue={signIn.classicFooterHelpTitle} />
            <TextField name="helpLabel" label="Help link text" defaultValue={signIn.helpLabel} />
            <TextField name="helpUrl" label="Help link URL" type="url" defaultValue={signIn.helpUrl} />
            <TextField name="customLink1Label" label="Footer link 1 text" defaultValue={signIn.customLink1Label} />
            <TextField name="customLink1Url" label="Footer link 1 URL" type="url" defaultValue={signIn.customLink1Url} />
            <TextField name="customLink2Label" label="Footer link 2 text" defaultValue={signIn.customLink2Label} />
            <TextField name="customLink2Url" label="Footer link 2 URL" type="url" defaultValue={signIn.customLink2Url} />
          </div>
        </ActionForm>
      </Section>
    </>
  );
}
