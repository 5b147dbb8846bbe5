import type { AppContext } from "../app-context";
import { listUserConsents } from "../consents/list-user-consents";
import { listFactors } from "../factors/list-factors";
import { createTranslator, type MessageValues } from "../i18n/format-message";
import type { Locale } from "../i18n/locales";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { PASSWORD_POLICY } from "../passwords/check-password-policy";
import { listUserSessions } from "../sessions/list-user-sessions";
import { ACCOUNT_MESSAGES, type AccountMessageKey } from "./account-messages";
import { ACCOUNT_PAGES, accountSigninUrl, type AccountPage } from "./account-urls";
import { loadAccountVisitor, type AccountRequest, type AccountVisitor } from "./account-visitor";
import { needsReauthentication, REAUTH_AFTER_MINUTES } from "./reauthentication";

export type Translate = (key: AccountMessageKey, values?: MessageValues) => string;

/** A page's notice after a form post: what happened, said in the user's language. */
export type AccountNotice = { tone: "success" | "error"; text: string } | null;

/** What every My Account page shows around its content. */
export type AccountFrame = {
  locale: Locale;
  t: Translate;
  csrf: string;
  login: string;
  title: string;
  notice: AccountNotice;
  nav: Array<{ page: AccountPage; href: string; label: string; current: boolean }>;
};

const PROBLEMS = new Set(["blank", "tooLong", "invalid"]);

type NoticeSpec = { key: AccountMessageKey; tone: "success" | "error"; values?: (query: Query, frame: { t: Translate }) => MessageValues };
type Query = (name: string) => string | null;

const policyValues = () => ({ min: PASSWORD_POLICY.minLength, max: PASSWORD_POLICY.maxLength });

/** The notices each page shows for `done=` / `error=` (anything else shows none). */
const NOTICES: Record<AccountPage, { done: Record<string, NoticeSpec>; error: Record<string, NoticeSpec> }> = {
  profile: {
    done: { saved: { key: "profile.saved", tone: "success" }, unchanged: { key: "profile.unchanged", tone: "success" } },
    error: { invalid: { key: "profile.invalid", tone: "error" } },
  },
  password: {
    done: { changed: { key: "password.changed", tone: "success" }, changedEverywhere: { key: "password.changedEverywhere", tone: "success" } },
    error: {
      missing: { key: "password.error.missing", tone: "error" },
      mismatch: { key: "password.error.mismatch", tone: "error" },
      wrong: { key: "password.error.wrong", tone: "error" },
      rateLimited: { key: "password.error.rateLimited", tone: "error" },
      blocked: { key: "password.error.blocked", tone: "error" },
      policy: { key: "password.error.policy", tone: "error", values: policyValues },
    },
  },
  email: {
    done: { sent: { key: "email.sent", tone: "success" }, changed: { key: "email.changed", tone: "success" } },
    error: {
      invalid: { key: "email.error.invalid", tone: "error" },
      same: { key: "email.error.same", tone: "error" },
      rateLimited: { key: "email.error.rateLimited", tone: "error" },
      reauth: { key: "reauth.error", tone: "error" },
      linkInvalid: { key: "email.link.invalid", tone: "error" },
      linkExpired: { key: "email.link.expired", tone: "error" },
      linkUsed: { key: "email.link.used", tone: "error" },
      linkOtherUser: { key: "email.link.otherUser", tone: "error" },
      linkTaken: { key: "email.link.taken", tone: "error" },
    },
  },
  sessions: {
    done: {
      ended: { key: "sessions.ended", tone: "success" },
      endedOthers: { key: "sessions.endedOthers", tone: "success", values: (query) => ({ count: Math.max(0, Number.parseInt(query("count") ?? "0", 10) || 0) }) },
    },
    error: { gone: { key: "sessions.gone", tone: "error" } },
  },
  apps: {
    done: { revoked: { key: "apps.revoked", tone: "success" } },
    error: { gone: { key: "apps.gone", tone: "error" } },
  },
  methods: {
    done: { removed: { key: "methods.removed", tone: "success" } },
    error: {
      gone: { key: "methods.gone", tone: "error" },
      "required-by-enrollment": { key: "methods.refused.required-by-enrollment", tone: "error" },
      "last-required-factor": { key: "methods.refused.last-required-factor", tone: "error" },
      reauth: { key: "reauth.error", tone: "error" },
      rateLimited: { key: "password.error.rateLimited", tone: "error" },
    },
  },
};

const NAV_KEYS: Record<AccountPage, AccountMessageKey> = {
  profile: "nav.profile",
  password: "nav.password",
  email: "nav.email",
  sessions: "nav.sessions",
  apps: "nav.apps",
  methods: "nav.methods",
};
const TITLE_KEYS: Record<AccountPage, AccountMessageKey> = {
  profile: "profile.title",
  password: "password.title",
  email: "email.title",
  sessions: "sessions.title",
  apps: "apps.title",
  methods: "methods.title",
};

/** The frame of `page` for `visitor`, with the notice of `done=` / `error=` in `query`. */
export function frameOf(visitor: AccountVisitor, page: AccountPage, query: Query): AccountFrame {
  const t: Translate = createTranslator(ACCOUNT_MESSAGES, visitor.locale);
  const notices = NOTICES[page];
  const done = query("done");
  const error = query("error");
  const spec = (error !== null ? notices.error[error] : undefined) ?? (done !== null ? notices.done[done] : undefined);
  return {
    locale: visitor.locale,
    t,
    csrf: visitor.csrf,
    login: visitor.user.login,
    title: t(TITLE_KEYS[page]),
    notice: spec ? { tone: spec.tone, text: t(spec.key, spec.values?.(query, { t })) } : null,
    nav: (Object.keys(ACCOUNT_PAGES) as AccountPage[]).map((each) => ({ page: each, href: ACCOUNT_PAGES[each], label: t(NAV_KEYS[each]), current: each === page })),
  };
}

/** A factor's name in the user's language. */
function factorName(t: Translate, factor: { factorType: string; provider: string; profile: unknown }): string {
  if (factor.factorType === "token:software:totp" && (factor.provider === "OKTA" || factor.provider === "GOOGLE")) return t(`methods.totp.${factor.provider}`);
  if (factor.factorType === "webauthn") {
    const named = factor.profile && typeof factor.profile === "object" ? (factor.profile as Record<string, unknown>).authenticatorName : undefined;
    return typeof named === "string" && named ? `${t("methods.webauthn")}: ${named}` : t("methods.webauthn");
  }
  return t("methods.other");
}

const STANDARD_SCOPES = new Set(["openid", "profile", "email", "address", "phone", "offline_access"]);

/** A scope in plain words: ours for the OIDC scopes, else the server's display name or description, else its name. */
function scopeText(t: Translate, scope: { name: string; displayName: string | null; description: string | null }): string {
  if (STANDARD_SCOPES.has(scope.name)) return t(`scope.${scope.name}` as AccountMessageKey);
  return scope.displayName || scope.description || scope.name;
}

async function pageData(app: AppContext, visitor: AccountVisitor, page: AccountPage, t: Translate, query: Query) {
  const now = app.now();
  switch (page) {
    case "profile": {
      const editable = (await readOrgSettings(app.db)).selfServiceProfileAttributes;
      const problems = new Map(
        (query("error") === "invalid" ? (query("fields") ?? "").split(",") : [])
          .map((pair) => pair.split(":"))
          .filter(([name, problem]) => name && problem && PROBLEMS.has(problem) && (editable as string[]).includes(name)) as Array<[string, string]>,
      );
      return {
        page,
        email: visitor.user.email,
        fields: editable.map((name) => {
          const value = visitor.user.profile[name];
          const problem = problems.get(name);
          return {
            name,
            label: t(`field.${name}` as AccountMessageKey),
            value: typeof value === "string" ? value : "",
            required: name === "firstName" || name === "lastName",
            problem: problem ? t(`problem.${problem}` as AccountMessageKey) : null,
          };
        }),
      } as const;
    }
    case "password":
      return { page, rules: t("password.rules", { min: PASSWORD_POLICY.minLength }) } as const;
    case "email":
      return { page, email: visitor.user.email, reauth: needsReauthentication(visitor.session.authTime, now) ? t("reauth.intro", { minutes: REAUTH_AFTER_MINUTES }) : null, signInAgainUrl: accountSigninUrl("", "email") } as const;
    case "sessions": {
      const sessions = await listUserSessions(app.db, visitor.user.id, now);
      return {
        page,
        sessions: sessions
          .map((session) => ({ id: session.id, current: session.id === visitor.session.id, created: session.created, lastSeen: session.lastSeen, ipAddress: session.ipAddress, userAgent: session.userAgent }))
          .sort((a, b) => Number(b.current) - Number(a.current)),
      } as const;
    }
    case "apps": {
      const consents = await listUserConsents(app.db, visitor.user.id);
      return { page, apps: consents.map((consent) => ({ ...consent, scopeTexts: consent.scopes.map((scope) => scopeText(t, scope)) })) } as const;
    }
    case "methods": {
      const factors = await listFactors(app.db, visitor.user.id);
      return {
        page,
        reauth: needsReauthentication(visitor.session.authTime, now) ? t("reauth.intro", { minutes: REAUTH_AFTER_MINUTES }) : null,
        signInAgainUrl: accountSigninUrl("", "methods"),
        factors: factors.map((factor) => ({ id: factor.id, name: factorName(t, factor), created: factor.created, active: factor.status === "ACTIVE" })),
      } as const;
    }
  }
}

export type AccountPageData = Awaited<ReturnType<typeof pageData>>;
export type AccountView<P extends AccountPage> = { kind: "page"; frame: AccountFrame; data: Extract<AccountPageData, { page: P }> } | { kind: "signin"; url: string };

/**
 * What a My Account page shows: for a signed-in user (loadAccountVisitor) the frame (language,
 * navigation, the CSRF field, the notice of `done=`/`error=`) and the page's own data; without a
 * session the hosted sign-in's URL, back to the page afterwards (relative: for redirect()).
 */
export async function loadAccountView<P extends AccountPage>(app: AppContext, request: AccountRequest & { query: Query }, page: P): Promise<AccountView<P>> {
  const visitor = await loadAccountVisitor(app, request);
  if (!visitor) return { kind: "signin", url: accountSigninUrl("", page) };
  const frame = frameOf(visitor, page, request.query);
  const data = (await pageData(app, visitor, page, frame.t, request.query)) as Extract<AccountPageData, { page: P }>;
  return { kind: "page", frame, data };
}
