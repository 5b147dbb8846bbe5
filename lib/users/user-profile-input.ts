import { z } from "zod";

/*
 * The rules of a user profile, one place for every surface that writes one: the Users API
 * (lib/admin/users/user-input.ts) and the end user's own profile page (lib/account).
 */

/** Email-shaped: dotted local part of the usual characters, then a dotted domain with a letter TLD (ASCII). */
const EMAIL_PATTERN = /^(?=[^@]{1,64}@)(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const LOCALE = /^[a-z]{2,3}(?:[_-][A-Z]{2})?$/;

export const MAX_CUSTOM_ATTRIBUTES = 50;
export const MAX_CUSTOM_TEXT = 1024;
export const MAX_CUSTOM_ARRAY = 100;
const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export const BLANK = "The field cannot be left blank.";

export function isEmailLike(value: string): boolean {
  return EMAIL_PATTERN.test(value);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.length <= 64;
  } catch {
    return false;
  }
}

const emailField = (message: string) =>
  z
    .string({ error: BLANK })
    .trim()
    .min(1, { message: BLANK, abort: true })
    .min(5, { message: "At least 5 characters.", abort: true })
    .max(100, { message: "At most 100 characters.", abort: true })
    .refine(isEmailLike, message);

const nameField = z.string({ error: BLANK }).trim().min(1, { message: BLANK, abort: true }).max(50, "At most 50 characters.");

/** An optional standard attribute: a string or null (stored as sent); "" clears a formatted one too. */
const text = (max = MAX_CUSTOM_TEXT) => z.string({ error: "Must be a string or null." }).max(max, `At most ${max} characters.`).nullish();
const formatted = (max: number, test: (value: string) => boolean, message: string) =>
  text(max).refine((value) => value == null || value === "" || test(value), message);

/** Okta's default profile attributes (the OIDC profile, address and phone claims, and the enterprise ones). */
const standardAttributes = {
  login: emailField("Username must be in the form of an email address, e.g. isaac.brock@example.com."),
  email: emailField("Must be a valid email address, e.g. isaac.brock@example.com."),
  firstName: nameField,
  lastName: nameField,
  secondEmail: formatted(100, isEmailLike, "Must be a valid email address."),
  middleName: text(),
  honorificPrefix: text(),
  honorificSuffix: text(),
  nickName: text(),
  displayName: text(),
  profileUrl: formatted(1024, isHttpUrl, "Must be an absolute http or https URL."),
  title: text(),
  locale: formatted(16, (v) => LOCALE.test(v), "Must be a language code with an optional country code, e.g. en_US."),
  timezone: formatted(64, isTimeZone, "Must be an IANA time zone, e.g. America/Los_Angeles."),
  preferredLanguage: text(100),
  mobilePhone: text(100),
  primaryPhone: text(100),
  streetAddress: text(),
  city: text(),
  state: text(),
  zipCode: text(100),
  countryCode: formatted(16, (v) => COUNTRY_CODE.test(v), "Must be an ISO 3166-1 alpha-2 country code in capitals, e.g. US."),
  postalAddress: text(),
  userType: text(),
  employeeNumber: text(),
  costCenter: text(),
  organization: text(),
  division: text(),
  department: text(),
  managerId: text(),
  manager: text(),
};

const STANDARD_NAMES = new Set(Object.keys(standardAttributes));

function isCustomScalar(value: unknown): boolean {
  return (
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value)) ||
    (typeof value === "string" && value.length <= MAX_CUSTOM_TEXT)
  );
}

function isCustomValue(value: unknown): boolean {
  if (value === null || isCustomScalar(value)) return true;
  return Array.isArray(value) && value.length <= MAX_CUSTOM_ARRAY && value.every(isCustomScalar);
}

/**
 * A complete user profile: the standard attributes above, and custom attributes kept as sent within
 * limits (at most 50; names start with a letter, then letters, digits or '_', at most 64; values are
 * strings of at most 1024 characters, finite numbers, booleans, null, or arrays of at most 100 of
 * those scalars).
 */
export const userProfileInput = z
  .object(standardAttributes, { error: BLANK })
  .catchall(z.unknown())
  .superRefine((profile, ctx) => {
    const custom = Object.keys(profile).filter((name) => !STANDARD_NAMES.has(name));
    if (custom.length > MAX_CUSTOM_ATTRIBUTES) {
      ctx.addIssue({ code: "custom", message: `A profile has at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes; this one has ${custom.length}.`, path: [] });
      return;
    }
    for (const name of custom) {
      if (!CUSTOM_NAME.test(name)) {
        ctx.addIssue({ code: "custom", message: "A custom attribute name starts with a letter, then letters, digits or '_' (at most 64 characters).", path: [name] });
      } else if (!isCustomValue(profile[name])) {
        ctx.addIssue({
          code: "custom",
          message: `A custom attribute is a string (at most ${MAX_CUSTOM_TEXT} characters), a number, a boolean, null, or an array of at most ${MAX_CUSTOM_ARRAY} such strings, numbers or booleans.`,
          path: [name],
        });
      }
    }
  });

export type UserProfile = z.output<typeof userProfileInput>;
