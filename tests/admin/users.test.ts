import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/passwords/verify-password";
import { createAdminFixture, ORG_URL, type AdminFixture, type ApiResult } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvent, readLogEvents } from "../support/read-log-events";
import { insertRefreshToken } from "../support/insert-refresh-token";
import { SUPER_ADMIN_USER, setUserRoles } from "../support/admin-roles";

const USERS = "/api/v1/users";
const TYPE = { id: "oty00000000000000000" };
const PROVIDER = { type: "OKTA", name: "OKTA" };
const ERROR_ID = expect.stringMatching(/^oae[0-9A-Za-z]{22}$/);

const userUrl = (id: string) => `${ORG_URL}/api/v1/users/${id}`;
/** `_links` of a single user: the lifecycle actions given, then self. */
const lifecycleLinks = (id: string, ...actions: string[]) =>
  Object.fromEntries([...actions.map((a) => [a, { href: `${userUrl(id)}/lifecycle/${a}` }]), ["self", { href: userUrl(id) }]]);
const apiError = (status: string, summary: string, causes: string[] = []) => ({
  errorCode: status,
  errorSummary: summary,
  errorLink: status,
  errorId: ERROR_ID,
  errorCauses: causes.map((errorSummary) => ({ errorSummary })),
});
const validation = (field: string, causes: string[]) => apiError("E0000001", `Api validation failed: ${field}`, causes);

describe.each(testProviders())("users API on %s", (provider) => {
  let f: AdminFixture;
  /** every response body seen and every password sent: no response and no log row may contain one */
  const responses: string[] = [];
  const passwords: string[] = [];
  let seq = 0;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  async function call(method: string, path: string, body?: unknown): Promise<ApiResult> {
    const res = await f.api(method, path, body);
    responses.push(res.text);
    return res;
  }
  const iso = () => f.clock.now.toISOString();
  const tick = () => f.clock.advance(60_000);
  function profileFor(name: string, extra: Record<string, unknown> = {}) {
    return { firstName: name, lastName: "Tester", email: `${name.toLowerCase()}@example.com`, login: `${name.toLowerCase()}@example.com`, ...extra };
  }
  /** Creates a user through the API; `password` null: none. */
  async function createUser(name: string, options: { password?: string | null; activate?: boolean; profile?: Record<string, unknown> } = {}) {
    const password = options.password === undefined ? `Pw-${name}-0123456789`.replace(name, "secret") + String(++seq) : options.password;
    if (password) passwords.push(password);
    const query = options.activate === undefined ? "" : `?activate=${options.activate}`;
    const res = await call("POST", `${USERS}${query}`, { profile: profileFor(name, options.profile), ...(password ? { credentials: { password: { value: password } } } : {}) });
    expect(res.status).toBe(200);
    return { id: res.body.id as string, password, body: res.body };
  }
  async function eventTypesFor(userId: string): Promise<string[]> {
    const events = await readLogEvents(f.db, { orderBy: { published: "asc" } });
    return events.filter((e) => (e.target as Array<{ id: string }>).some((t) => t.id === userId)).map((e) => e.eventType).sort();
  }
  const statusOf = async (id: string) => (await f.db.user.findUniqueOrThrow({ where: { id } })).status;

  describe("create", () => {
    it("creates an ACTIVE user with a password (200), hashed with argon2id, and logs create + activate", async () => {
      tick();
      const password = "tlpWENT2m-horse";
      passwords.push(password);
      const profile = { firstName: "Isaac", lastName: "Brock", email: "isaac.brock@example.com", login: "isaac.brock@example.com", mobilePhone: "555-415-1337" };
      const res = await call("POST", `${USERS}?activate=true`, { profile, credentials: { password: { value: password } } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      const id = res.body.id as string;
      expect(id).toMatch(/^00u[0-9A-Za-z]{17}$/);
      expect(res.body).toEqual({
        id,
        status: "ACTIVE",
        created: iso(),
        activated: iso(),
        statusChanged: iso(),
        lastLogin: null,
        lastUpdated: iso(),
        passwordChanged: iso(),
        type: TYPE,
        profile,
        credentials: { password: {}, provider: PROVIDER },
        _links: lifecycleLinks(id, "suspend", "deactivate"),
      });
      const row = await f.db.user.findUniqueOrThrow({ where: { id } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
      expect(await verifyPassword(row.passwordHash!, password)).toEqual({ ok: true, needsRehash: false });
      expect(row).toMatchObject({ login: profile.login, loginLower: profile.login, emailLower: profile.email, failedAttempts: 0 });
      expect(await eventTypesFor(id)).toEqual(["user.lifecycle.activate", "user.lifecycle.create"]);
      const created = await readLogEvent(f.db, { where: { eventType: "user.lifecycle.create" } });
      expect(created.target).toEqual([{ id, type: "User", alternateId: "isaac.brock@example.com", displayName: "Isaac Brock" }]);
      expect(created.outcomeResult).toBe("SUCCESS");
      expect(created.actor).toMatchObject({ type: "User", alternateId: "admin@idp.test" });
      const fetched = await call("GET", `${USERS}/${id}`);
      expect(fetched.body).toEqual(res.body);
    });

    it("creates a STAGED user with activate=false (no dates, activate link, no password credential)", async () => {
      tick();
      const profile = profileFor("Staged");
      const res = await call("POST", `${USERS}?activate=false`, { profile });
      expect(res.status).toBe(200);
      const id = res.body.id as string;
      expect(res.body).toEqual({
        id,
        status: "STAGED",
        created: iso(),
        activated: null,
        statusChanged: null,
        lastLogin: null,
        lastUpdated: iso(),
        passwordChanged: null,
        type: TYPE,
        profile,
        credentials: { provider: PROVIDER },
        _links: lifecycleLinks(id, "activate", "deactivate"),
      });
      expect((await f.db.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBeNull();
      expect(await eventTypesFor(id)).toEqual(["user.lifecycle.create"]);
    });

    it("creates a PROVISIONED user when activating without a password (activate defaults to true)", async () => {
      tick();
      const profile = profileFor("Provisioned");
      const res = await call("POST", USERS, { profile, credentials: { password: { value: null }, provider: { type: "OKTA", name: "OKTA" } } });
      expect(res.status).toBe(200);
      const id = res.body.id as string;
      expect(res.body).toEqual({
        id,
        status: "PROVISIONED",
        created: iso(),
        activated: iso(),
        statusChanged: iso(),
        lastLogin: null,
        lastUpdated: iso(),
        passwordChanged: null,
        type: TYPE,
        profile,
        credentials: { provider: PROVIDER },
        _links: lifecycleLinks(id, "activate", "deactivate"),
      });
    });

    it("creates a STAGED user that already has a password with activate=false", async () => {
      const { id, body } = await createUser("StagedPw", { activate: false });
      expect(body).toMatchObject({ status: "STAGED", activated: null, passwordChanged: iso(), credentials: { password: {}, provider: PROVIDER } });
      expect(await statusOf(id)).toBe("STAGED");
    });

    it("keeps every standard OIDC profile, address and phone attribute and custom attributes as sent; trims login and names", async () => {
      const profile = {
        login: "  Attr.Full@Example.com ",
        email: "attr.full@example.com",
        firstName: " Ada ",
        lastName: "Lovelace",
        middleName: "King",
        honorificPrefix: "Countess",
        honorificSuffix: "FRS",
        nickName: "Ada",
        displayName: "Ada Lovelace",
        profileUrl: "https://example.com/ada",
        title: "Analyst",
        locale: "en_GB",
        timezone: "Europe/London",
        preferredLanguage: "en-GB",
        mobilePhone: "+44 20 7946 0000",
        primaryPhone: "+44 20 7946 0001",
        streetAddress: "12 St James's Square",
        city: "London",
        state: "Greater London",
        zipCode: "SW1Y 4JH",
        countryCode: "GB",
        postalAddress: "12 St James's Square, London SW1Y 4JH",
        secondEmail: "ada@example.org",
        department: "Engines",
        employeeId: "E-1815",
        score: 4.5,
        vip: true,
        tags: ["math", "engines", 1843, false],
        nothing: null,
      };
      const res = await call("POST", USERS, { profile, credentials: { password: { value: "analytical-engine" } } });
      passwords.push("analytical-engine");
      expect(res.status).toBe(200);
      expect(res.body.profile).toEqual({ ...profile, login: "Attr.Full@Example.com", firstName: "Ada" });
      const row = await f.db.user.findUniqueOrThrow({ where: { id: res.body.id } });
      expect(row).toMatchObject({ login: "Attr.Full@Example.com", loginLower: "attr.full@example.com" });
      expect((await call("GET", `${USERS}/${res.body.id}`)).body.profile).toEqual(res.body.profile);
    });

    it("adds the new user to the groups named in groupIds", async () => {
      tick();
      const groupId = "00gCreateGroup000001";
      await f.db.group.create({ data: { id: groupId, type: "OKTA_GROUP", name: "Create group", nameLower: "create group", created: new Date("2026-01-01T00:00:00.000Z"), lastUpdated: new Date("2026-01-01T00:00:00.000Z"), lastMembershipUpdated: new Date("2026-01-01T00:00:00.000Z") } });
      const res = await call("POST", USERS, { profile: profileFor("Grouped"), groupIds: [groupId, groupId] });
      expect(res.status).toBe(200);
      expect(await f.db.groupMembership.findMany({ where: { userId: res.body.id }, select: { groupId: true } })).toEqual([{ groupId }]);
      const group = await f.db.group.findUniqueOrThrow({ where: { id: groupId } });
      expect(group.lastMembershipUpdated.toISOString()).toBe(iso());
      expect(group.lastUpdated.toISOString()).toBe("2026-01-01T00:00:00.000Z");
      expect(await eventTypesFor(res.body.id)).toEqual(["group.user_membership.add", "user.lifecycle.activate", "user.lifecycle.create"]);
    });

    const longName = "x".repeat(51);
    it.each<[string, string, unknown, string, string[]]>([
      ["no profile", USERS, {}, "profile", ["profile: The field cannot be left blank."]],
      ["a profile that is not an object", USERS, { profile: "isaac" }, "profile", ["profile: The field cannot be left blank."]],
      ["a body that is an array", USERS, [1, 2], "user", ["The request body must be a JSON object with a profile."]],
      ["no login", USERS, { profile: { email: "v1@example.com", firstName: "V", lastName: "One" } }, "login", ["login: The field cannot be left blank."]],
      ["a login that is not an email", USERS, { profile: profileFor("V2", { login: "isaac" }) }, "login", ["login: Username must be in the form of an email address, e.g. isaac.brock@example.com."]],
      ["a login with a one-letter TLD", USERS, { profile: profileFor("V3", { login: "ab@b.c" }) }, "login", ["login: Username must be in the form of an email address, e.g. isaac.brock@example.com."]],
      ["a login with a slash", USERS, { profile: profileFor("V4", { login: "a/b@example.com" }) }, "login", ["login: Username must be in the form of an email address, e.g. isaac.brock@example.com."]],
      ["a login of 101 characters", USERS, { profile: profileFor("V5", { login: `${"a".repeat(60)}@${"b".repeat(36)}.com` }) }, "login", ["login: At most 100 characters."]],
      ["a blank login", USERS, { profile: profileFor("V6", { login: "   " }) }, "login", ["login: The field cannot be left blank."]],
      ["an invalid email", USERS, { profile: profileFor("V7", { email: "not-an-email" }) }, "email", ["email: Must be a valid email address, e.g. isaac.brock@example.com."]],
      ["no email", USERS, { profile: { login: "v8@example.com", firstName: "V", lastName: "Eight" } }, "email", ["email: The field cannot be left blank."]],
      ["an empty firstName", USERS, { profile: profileFor("V9", { firstName: "" }) }, "firstName", ["firstName: The field cannot be left blank."]],
      ["a numeric firstName", USERS, { profile: profileFor("V10", { firstName: 42 }) }, "firstName", ["firstName: The field cannot be left blank."]],
      ["a 51-character lastName", USERS, { profile: profileFor("V11", { lastName: longName }) }, "lastName", ["lastName: At most 50 characters."]],
      ["a profileUrl that is not http(s)", USERS, { profile: profileFor("V12", { profileUrl: "ftp://example.com/x" }) }, "profileUrl", ["profileUrl: Must be an absolute http or https URL."]],
      ["a lower-case countryCode", USERS, { profile: profileFor("V13", { countryCode: "us" }) }, "countryCode", ["countryCode: Must be an ISO 3166-1 alpha-2 country code in capitals, e.g. US."]],
      ["an unknown time zone", USERS, { profile: profileFor("V14", { timezone: "Mars/Olympus_Mons" }) }, "timezone", ["timezone: Must be an IANA time zone, e.g. America/Los_Angeles."]],
      ["a locale in words", USERS, { profile: profileFor("V15", { locale: "english" }) }, "locale", ["locale: Must be a language code with an optional country code, e.g. en_US."]],
      ["a 101-character mobilePhone", USERS, { profile: profileFor("V16", { mobilePhone: "5".repeat(101) }) }, "mobilePhone", ["mobilePhone: At most 100 characters."]],
      ["a numeric middleName", USERS, { profile: profileFor("V17", { middleName: 5 }) }, "middleName", ["middleName: Must be a string or null."]],
      ["an invalid secondEmail", USERS, { profile: profileFor("V18", { secondEmail: "nope" }) }, "secondEmail", ["secondEmail: Must be a valid email address."]],
      [
        "a custom attribute that is an object",
        USERS,
        { profile: profileFor("V19", { address: { city: "Paris" } }) },
        "address",
        ["address: A custom attribute is a string (at most 1024 characters), a number, a boolean, null, or an array of at most 100 such strings, numbers or booleans."],
      ],
      [
        "a custom attribute of 1025 characters",
        USERS,
        { profile: profileFor("V20", { bio: "b".repeat(1025) }) },
        "bio",
        ["bio: A custom attribute is a string (at most 1024 characters), a number, a boolean, null, or an array of at most 100 such strings, numbers or booleans."],
      ],
      [
        "a custom array of 101 items",
        USERS,
        { profile: profileFor("V21", { tags: Array.from({ length: 101 }, (_, i) => i) }) },
        "tags",
        ["tags: A custom attribute is a string (at most 1024 characters), a number, a boolean, null, or an array of at most 100 such strings, numbers or booleans."],
      ],
      ["a custom attribute name that starts with a digit", USERS, { profile: profileFor("V22", { "2fa": "x" }) }, "2fa", ["2fa: A custom attribute name starts with a letter, then letters, digits or '_' (at most 64 characters)."]],
      [
        "51 custom attributes",
        USERS,
        { profile: profileFor("V23", Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, i]))) },
        "profile",
        ["A profile has at most 50 custom attributes; this one has 51."],
      ],
      ["a numeric password", USERS, { profile: profileFor("V24"), credentials: { password: { value: 12345678 } } }, "credentials.password.value", ["credentials.password.value: Must be a string."]],
      [
        "an imported password hash",
        USERS,
        { profile: profileFor("V25"), credentials: { password: { hash: { algorithm: "BCRYPT", value: "x" } } } },
        "credentials.password.hash",
        ["credentials.password.hash: Importing password hashes is not supported; send the password itself as credentials.password.value."],
      ],
      ["a recovery question", USERS, { profile: profileFor("V26"), credentials: { recovery_question: { question: "q", answer: "a" } } }, "credentials.recovery_question", ["credentials.recovery_question: Recovery questions are not supported."]],
      ["another user type", USERS, { profile: profileFor("V27"), type: { id: "otyCustomType0000000" } }, "type.id", ["type.id: Only the default user type oty00000000000000000 exists."]],
      ["groupIds that is not an array", USERS, { profile: profileFor("V28"), groupIds: "00g1" }, "groupIds", ["groupIds: Must be an array of group ids."]],
      ["an unknown group id", USERS, { profile: profileFor("V29"), groupIds: ["00gNoSuchGroup000000"] }, "groupIds", ["groupIds: No group has the id 00gNoSuchGroup000000."]],
      ["activate=maybe", `${USERS}?activate=maybe`, { profile: profileFor("V30") }, "activate", ["activate: Must be true or false, given once."]],
    ])("refuses %s with 400 E0000001 and creates nothing", async (_, path, body, field, causes) => {
      const before = await f.db.user.count();
      const res = await call("POST", path, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(validation(field, causes));
      expect(await f.db.user.count()).toBe(before);
    });

    it("refuses the built-in Everyone group in groupIds", async () => {
      const everyone = await f.db.group.findFirstOrThrow({ where: { type: "BUILT_IN" } });
      const res = await call("POST", USERS, { profile: profileFor("EveryoneMember"), groupIds: [everyone.id] });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(validation("groupIds", [`groupIds: ${everyone.id} is the built-in group Everyone, which holds every user already; it takes no explicit members.`]));
      expect(await f.db.user.count({ where: { loginLower: "everyonemember@example.com" } })).toBe(0);
    });

    it("keeps logins unique without regard to case", async () => {
      await createUser("Unique");
      const before = await f.db.user.count();
      const res = await call("POST", USERS, { profile: profileFor("Unique", { login: "UNIQUE@Example.COM", email: "other@example.com" }) });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(validation("login", ["login: An object with this field already exists in the current organization"]));
      expect(await f.db.user.count()).toBe(before);
      const bootstrapAdmin = await call("POST", USERS, { profile: profileFor("Admin", { login: "Admin@IDP.test" }) });
      expect(bootstrapAdmin.body).toEqual(validation("login", ["login: An object with this field already exists in the current organization"]));
    });

    it.each<[string, string, string]>([
      ["seven characters", "short7!", "Password requirements were not met. Password requirements: at least 8 characters."],
      ["257 characters", "p".repeat(257), "Password requirements were not met. Password requirements: at most 256 characters."],
      ["the username", "my-PwUser-secret", "Password requirements were not met. Your password cannot contain your username."],
      ["the username in capitals", "XPWUSERX-1234", "Password requirements were not met. Your password cannot contain your username."],
      ["the username and too short", "pwuser!", "Password requirements were not met. Password requirements: at least 8 characters. Your password cannot contain your username."],
    ])("refuses a password of %s (400 E0000001 on password) and creates nothing", async (_, password, cause) => {
      passwords.push(password);
      const before = await f.db.user.count();
      const res = await call("POST", USERS, { profile: profileFor("PwUser"), credentials: { password: { value: password } } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(validation("password", [`password: ${cause}`]));
      expect(await f.db.user.count()).toBe(before);
    });

    it("accepts a password of exactly 8 and of exactly 256 characters", async () => {
      expect((await createUser("Eight", { password: "8chars!!" })).body.status).toBe("ACTIVE");
      expect((await createUser("Long", { password: "q".repeat(256) })).body.status).toBe("ACTIVE");
    });
  });

  describe("get and list", () => {
    it("gets a user by id, by login in any case, and by a percent-encoded login", async () => {
      const { id, body } = await createUser("Getter");
      expect((await call("GET", `${USERS}/${id}`)).body).toEqual(body);
      const byLogin = await call("GET", `${USERS}/GETTER@example.COM`);
      expect(byLogin.status).toBe(200);
      expect(byLogin.body).toEqual(body);
      expect((await call("GET", `${USERS}/getter%2540example.com`)).body.id).toBe(id);
    });

    it("answers 404 E0000007 for an unknown id or login", async () => {
      const res = await call("GET", `${USERS}/00uNoSuchUser0000000`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(apiError("E0000007", "Not found: Resource not found: 00uNoSuchUser0000000 (User)"));
      const byLogin = await call("GET", `${USERS}/nobody@example.com`);
      expect(byLogin.status).toBe(404);
      expect(byLogin.body.errorSummary).toBe("Not found: Resource not found: nobody@example.com (User)");
    });

    describe("search, filter and q", () => {
      const ids: Record<string, string> = {};
      let t0 = "";
      let t2 = "";

      beforeAll(async () => {
        tick();
        t0 = iso();
        const make = async (name: string, team: string, options: { activate?: boolean; password?: string | null } = {}) => {
          const user = await createUser(name, { ...options, profile: { lastName: "Filterton", email: `${name.toLowerCase()}@filter.test`, login: `${name.toLowerCase()}@filter.test`, team } });
          ids[name] = user.id;
          tick();
        };
        await make("Alice", "red");
        await make("Bob", "blue", { activate: false, password: null });
        t2 = iso();
        await make("Carol", "red");
        await make("Dave", "green");
        expect((await call("POST", `${USERS}/${ids.Carol}/lifecycle/suspend`)).status).toBe(200);
        tick();
        expect((await call("POST", `${USERS}/${ids.Dave}/lifecycle/deactivate`)).status).toBe(200);
      });

      const only = 'profile.lastName eq "Filterton"';
      it.each<[string, () => string, string[]]>([
        ["filter", () => `status eq "ACTIVE" and ${only}`, ["alice"]],
        ["filter", () => `status eq "SUSPENDED" and ${only}`, ["carol"]],
        ["filter", () => `status eq "DEPROVISIONED" and ${only}`, ["dave"]],
        ["filter", () => `status eq "staged" and ${only}`, ["bob"]],
        ["filter", () => 'profile.login eq "BOB@filter.test"', ["bob"]],
        ["filter", () => 'profile.email eq "carol@filter.test"', ["carol"]],
        ["filter", () => `id eq "${ids.Dave}"`, ["dave"]],
        ["filter", () => `lastUpdated gt "${t2}" and ${only}`, ["carol", "dave"]],
        ["filter", () => `lastUpdated lt "${t2}" and ${only}`, ["alice", "bob"]],
        ["filter", () => `lastUpdated ge "${t0}" and lastUpdated lt "${t2}" and status eq "ACTIVE"`, ["alice"]],
        ["filter", () => `created eq "${t0}" and ${only}`, ["alice"]],
        ["search", () => `profile.team eq "red" and ${only}`, ["alice", "carol"]],
        ["search", () => 'profile.firstName sw "ca" and profile.lastName eq "filterton"', ["carol"]],
        ["search", () => `(status eq "STAGED" or status eq "DEPROVISIONED") and ${only}`, ["bob", "dave"]],
        ["search", () => 'profile.login sw "ALI" and profile.email co "@filter."', ["alice"]],
        ["search", () => `type.id eq "oty00000000000000000" and ${only}`, ["alice", "bob", "carol", "dave"]],
        ["q", () => "Filterton", ["alice", "bob", "carol"]],
        ["q", () => "bob@", ["bob"]],
        ["q", () => "ali", ["alice"]],
        ["q", () => "dave", []],
      ])("%s=%s", async (param, expression, expected) => {
        const res = await call("GET", `${USERS}?${param}=${encodeURIComponent(expression())}`);
        expect(res.status).toBe(200);
        const logins = (res.body as Array<{ profile: { login: string } }>).map((u) => u.profile.login.split("@")[0]!).sort();
        expect(logins).toEqual(expected);
      });

      it("lists users with only their self link and leaves DEPROVISIONED users out of the plain list", async () => {
        const all: Array<{ id: string; _links: unknown; status: string }> = [];
        let path: string | null = `${USERS}?limit=200`;
        while (path) {
          const res: ApiResult = await call("GET", path);
          all.push(...res.body);
          const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
          path = next ? next.slice(ORG_URL.length) : null;
        }
        expect(all.some((u) => u.id === ids.Dave)).toBe(false);
        expect(all.length).toBe(await f.db.user.count({ where: { status: { not: "DEPROVISIONED" } } }));
        const alice = all.find((u) => u.id === ids.Alice)!;
        expect(alice).toEqual({ ...(await call("GET", `${USERS}/${ids.Alice}`)).body, _links: { self: { href: userUrl(ids.Alice!) } } });
      });

      it.each<[string, string, string]>([
        ["filter", 'status eq ACTIVE', "filter: Expected a value after 'status eq', such as \"text\", found 'ACTIVE' at position 11."],
        ["filter", 'status eq "ENABLED"', 'filter: "ENABLED" is not a user status; use one of STAGED, PROVISIONED, ACTIVE, RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED, SUSPENDED, DEPROVISIONED.'],
        ["filter", 'lastUpdated gt "last week"', 'filter: lastUpdated needs an ISO 8601 date-time such as "2026-01-15T10:00:00.000Z"; "last week" is not one.'],
        ["search", 'status eq "ACTIVE" and', "search: Expected an attribute or '(', found the end of the expression."],
        ["search", '(status eq "ACTIVE"', "search: Expected ')' to close the '(' at position 1, found the end of the expression."],
        ["search", "password eq \"x\"", "search: The attribute 'password' (position 1) cannot be searched."],
      ])("refuses %s=%s with 400 E0000001 naming the parameter", async (param, expression, cause) => {
        const res = await call("GET", `${USERS}?${param}=${encodeURIComponent(expression)}`);
        expect(res.status).toBe(400);
        expect(res.body.errorSummary).toBe(`Api validation failed: ${param}`);
        expect(res.body.errorCauses).toHaveLength(1);
        expect(res.body.errorCauses[0].errorSummary.startsWith(cause)).toBe(true);
      });

      it("refuses more than one of q, search and filter, and a repeated one", async () => {
        const both = await call("GET", `${USERS}?q=a&filter=${encodeURIComponent('status eq "ACTIVE"')}`);
        expect(both.status).toBe(400);
        expect(both.body).toEqual(validation("filter", ["filter: Use only one of q, search and filter in a request."]));
        const twice = await call("GET", `${USERS}?search=${encodeURIComponent('status eq "ACTIVE"')}&search=${encodeURIComponent('status eq "STAGED"')}`);
        expect(twice.body).toEqual(validation("search", ["search: The parameter was given more than once."]));
        const badLimit = await call("GET", `${USERS}?limit=0`);
        expect(badLimit.body).toEqual(validation("limit", ["limit: Must be a whole number from 1 to 200."]));
      });
    });

    it.each([
      ["the plain list", (n: number) => `${USERS}?limit=${n}`, () => f.db.user.count({ where: { status: { not: "DEPROVISIONED" } } })],
      ["a search on a profile attribute", (n: number) => `${USERS}?search=${encodeURIComponent('profile.lastName eq "Pager"')}&limit=${n}`, async () => 5],
      ["q", (n: number) => `${USERS}?q=pager&limit=${n}`, async () => 5],
    ])("pages through %s by following Link rel=next to the end", async (_, first, expectedCount) => {
      if ((await f.db.user.count({ where: { loginLower: { startsWith: "pager" } } })) === 0) {
        for (let i = 0; i < 5; i++) await createUser(`Pager${i}`, { password: null, profile: { lastName: "Pager" } });
      }
      const seen: string[] = [];
      let path: string | null = first(2);
      let pages = 0;
      while (path) {
        const res: ApiResult = await call("GET", path);
        expect(res.status).toBe(200);
        pages += 1;
        expect(res.body.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.map((u: { id: string }) => u.id));
        const link = res.headers.get("link")!;
        expect(link).toContain(`<${ORG_URL}${path}>; rel="self"`);
        const next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
        if (next) expect(next.startsWith(`${ORG_URL}${USERS}?`)).toBe(true);
        path = next ? next.slice(ORG_URL.length) : null;
      }
      const total = await expectedCount();
      expect(seen.length).toBe(total);
      expect(new Set(seen).size).toBe(total);
      expect(seen).toEqual([...seen].sort());
      expect(pages).toBe(Math.ceil(total / 2));
    });
  });

  describe("searches that scan past one batch of candidates", () => {
    it("finds matches spread over more than 1000 users and pages through them with the right cursors", async () => {
      const now = f.clock.now;
      // ids that sort before every random one, so the first scan batch (500 rows) ends exactly at row 499, a match
      const bulkId = (i: number) => `00u0000Bulk${String(i).padStart(9, "0")}`;
      const hits = new Set([0, 499, 500, 1099]);
      await f.db.user.createMany({
        data: Array.from({ length: 1100 }, (_, i) => {
          const login = `bulk${i}@bulk.test`;
          return {
            id: bulkId(i),
            status: "STAGED",
            login,
            loginLower: login,
            email: login,
            emailLower: login,
            profile: { login, email: login, firstName: "Bulk", lastName: `Row${i}`, bulkTag: hits.has(i) ? "hit" : "miss", common: i % 7 !== 3 },
            created: now,
            lastUpdated: now,
          };
        }),
      });
      const pages: string[][] = [];
      let path: string | null = `${USERS}?search=${encodeURIComponent('profile.bulkTag eq "HIT"')}&limit=3`;
      while (path) {
        const res: ApiResult = await call("GET", path);
        expect(res.status).toBe(200);
        pages.push(res.body.map((u: { profile: { lastName: string } }) => u.profile.lastName));
        const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
        path = next ? next.slice(ORG_URL.length) : null;
      }
      expect(pages).toEqual([["Row0", "Row499", "Row500"], ["Row1099"]]);
      const q = await call("GET", `${USERS}?q=row1099`);
      expect(q.body.map((u: { id: string }) => u.id)).toEqual([bulkId(1099)]);
      // Most rows match: every batch boundary is checked for rows seen twice or skipped.
      const common: string[] = [];
      path = `${USERS}?search=${encodeURIComponent("profile.common eq true")}&limit=200`;
      while (path) {
        const res: ApiResult = await call("GET", path);
        common.push(...res.body.map((u: { id: string }) => u.id));
        const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
        path = next ? next.slice(ORG_URL.length) : null;
      }
      const expected = Array.from({ length: 1100 }, (_, i) => i).filter((i) => i % 7 !== 3).map(bulkId);
      expect(common).toEqual(expected);
    });
  });

  describe("update and replace", () => {
    it("POST merges profile attributes, validates the result whole, and logs user.account.update_profile", async () => {
      const { id, body } = await createUser("Partial", { profile: { nickName: "Part", mobilePhone: "555-0100" } });
      tick();
      const res = await call("POST", `${USERS}/${id}`, { profile: { nickName: "Parts", mobilePhone: null, shoeSize: 44 } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...body,
        lastUpdated: iso(),
        profile: { ...body.profile, nickName: "Parts", mobilePhone: null, shoeSize: 44 },
      });
      expect(await eventTypesFor(id)).toEqual(["user.account.update_profile", "user.lifecycle.activate", "user.lifecycle.create"]);
      const invalid = await call("POST", `${USERS}/${id}`, { profile: { email: "broken", firstName: null } });
      expect(invalid.status).toBe(400);
      expect(invalid.body).toEqual(validation("email", ["email: Must be a valid email address, e.g. isaac.brock@example.com.", "firstName: The field cannot be left blank."]));
      expect((await call("GET", `${USERS}/${id}`)).body).toEqual(res.body);
    });

    it("POST with nothing to change answers the user unchanged and logs nothing", async () => {
      const { id, body } = await createUser("Noop");
      tick();
      const res = await call("POST", `${USERS}/${id}`, {});
      expect(res.status).toBe(200);
      expect(res.body).toEqual(body);
      expect(await eventTypesFor(id)).toEqual(["user.lifecycle.activate", "user.lifecycle.create"]);
    });

    it("changes the login, keeping logins unique without regard to case", async () => {
      await createUser("Taken");
      const { id } = await createUser("Renamed");
      const clash = await call("POST", `${USERS}/${id}`, { profile: { login: "TAKEN@example.com" } });
      expect(clash.status).toBe(400);
      expect(clash.body).toEqual(validation("login", ["login: An object with this field already exists in the current organization"]));
      expect((await f.db.user.findUniqueOrThrow({ where: { id } })).login).toBe("renamed@example.com");
      const recased = await call("POST", `${USERS}/${id}`, { profile: { login: "Renamed@Example.com" } });
      expect(recased.status).toBe(200);
      expect(recased.body.profile.login).toBe("Renamed@Example.com");
      const moved = await call("PUT", `${USERS}/${id}`, { profile: profileFor("Moved") });
      expect(moved.status).toBe(200);
      expect(await f.db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ login: "moved@example.com", loginLower: "moved@example.com", email: "moved@example.com", emailLower: "moved@example.com" });
      expect((await call("GET", `${USERS}/renamed@example.com`)).status).toBe(404);
    });

    it("sets a new password by administrator (POST credentials.password.value): new hash, passwordChanged, update_password logged", async () => {
      const { id, password: oldPassword, body } = await createUser("Reset");
      tick();
      const newPassword = "brand-new-secret-42";
      passwords.push(newPassword);
      const res = await call("POST", `${USERS}/${id}`, { credentials: { password: { value: newPassword } } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...body, lastUpdated: iso(), passwordChanged: iso() });
      const row = await f.db.user.findUniqueOrThrow({ where: { id } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(row.passwordHash!, newPassword)).toEqual({ ok: true, needsRehash: false });
      expect((await verifyPassword(row.passwordHash!, oldPassword!)).ok).toBe(false);
      expect(await eventTypesFor(id)).toEqual(["user.account.update_password", "user.lifecycle.activate", "user.lifecycle.create"]);
    });

    it("checks the password policy on update, against the login the user will have, and changes nothing when it fails", async () => {
      const { id } = await createUser("Policy");
      const before = await f.db.user.findUniqueOrThrow({ where: { id } });
      tick();
      passwords.push("xx-newlogin-xx", "tiny");
      const res = await call("POST", `${USERS}/${id}`, { profile: { login: "newlogin@example.com" }, credentials: { password: { value: "xx-newlogin-xx" } } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(validation("password", ["password: Password requirements were not met. Your password cannot contain your username."]));
      const put = await call("PUT", `${USERS}/${id}`, { profile: profileFor("Policy"), credentials: { password: { value: "tiny" } } });
      expect(put.body).toEqual(validation("password", ["password: Password requirements were not met. Password requirements: at least 8 characters."]));
      expect(await f.db.user.findUniqueOrThrow({ where: { id } })).toEqual(before);
    });

    it("PUT replaces the profile whole: a GET body can be sent back, unsent attributes are removed", async () => {
      const { id } = await createUser("Replace", { profile: { nickName: "Rep", city: "Oslo", favourite: "blue" } });
      tick();
      const current = (await call("GET", `${USERS}/${id}`)).body;
      const kept = Object.fromEntries(Object.entries(current.profile).filter(([name]) => name !== "nickName" && name !== "favourite"));
      expect(Object.keys(kept)).toHaveLength(Object.keys(current.profile).length - 2);
      const res = await call("PUT", `${USERS}/${id}`, { ...current, profile: { ...kept, firstName: "Replaced" } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...current, lastUpdated: iso(), profile: { ...kept, firstName: "Replaced" } });
      expect((await f.db.user.findUniqueOrThrow({ where: { id } })).passwordChanged?.toISOString()).toBe(current.passwordChanged);
      expect(await eventTypesFor(id)).toEqual(["user.account.update_profile", "user.lifecycle.activate", "user.lifecycle.create"]);
    });

    it.each<[string, unknown, string, string[]]>([
      ["no profile", { credentials: { password: { value: "whatever-123" } } }, "profile", ["profile: The field cannot be left blank."]],
      ["no lastName", { profile: { login: "replace2@example.com", email: "replace2@example.com", firstName: "R" } }, "lastName", ["lastName: The field cannot be left blank."]],
      ["a body that is not an object", "replace", "user", ["The request body must be a JSON object with a profile."]],
    ])("PUT refuses %s with 400 and changes nothing", async (_, body, field, causes) => {
      const { id } = await createUser(`Replace2`.concat(String(++seq)));
      const before = await f.db.user.findUniqueOrThrow({ where: { id } });
      const res = await call("PUT", `${USERS}/${id}`, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(validation(field, causes));
      expect(await f.db.user.findUniqueOrThrow({ where: { id } })).toEqual(before);
    });

    it("a new password set by an administrator ends PASSWORD_EXPIRED; a PROVISIONED user then activates to ACTIVE", async () => {
      const expired = await createUser("Expired");
      await f.db.user.update({ where: { id: expired.id }, data: { status: "PASSWORD_EXPIRED" } });
      tick();
      passwords.push("fresh-password-1", "fresh-password-2");
      const res = await call("POST", `${USERS}/${expired.id}`, { credentials: { password: { value: "fresh-password-1" } } });
      expect(res.body).toMatchObject({ status: "ACTIVE", statusChanged: iso(), passwordChanged: iso() });
      const provisioned = await createUser("Provisioned2", { password: null });
      expect(provisioned.body.status).toBe("PROVISIONED");
      const set = await call("POST", `${USERS}/${provisioned.id}`, { credentials: { password: { value: "fresh-password-2" } } });
      expect(set.body).toMatchObject({ status: "PROVISIONED", credentials: { password: {}, provider: PROVIDER } });
      expect((await call("POST", `${USERS}/${provisioned.id}/lifecycle/activate`)).status).toBe(200);
      expect(await statusOf(provisioned.id)).toBe("ACTIVE");
    });

    it("answers 404 for updates of an unknown user and 405 for PATCH", async () => {
      expect((await call("POST", `${USERS}/00uNoSuchUser0000000`, { profile: { nickName: "x" } })).status).toBe(404);
      expect((await call("PUT", `${USERS}/00uNoSuchUser0000000`, { profile: profileFor("Ghost") })).status).toBe(404);
      const { id } = await createUser("Patch");
      const patch = await call("PATCH", `${USERS}/${id}`, { profile: { nickName: "x" } });
      expect(patch.status).toBe(405);
      expect(patch.headers.get("allow")).toBe("GET, POST, PUT, DELETE");
      const getLifecycle = await call("GET", `${USERS}/${id}/lifecycle/activate`);
      expect(getLifecycle.status).toBe(405);
      expect(getLifecycle.headers.get("allow")).toBe("POST");
    });
  });

  describe("lifecycle", () => {
    const post = (id: string, action: string) => call("POST", `${USERS}/${id}/lifecycle/${action}`);
    const get = async (id: string) => (await call("GET", `${USERS}/${id}`)).body;

    it("activates a STAGED user with a password to ACTIVE and one without to PROVISIONED (200 {})", async () => {
      const withPassword = await createUser("ActivateMe", { activate: false });
      const without = await createUser("ActivateNoPw", { activate: false, password: null });
      tick();
      const res = await post(withPassword.id, "activate");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({});
      expect(await get(withPassword.id)).toEqual({
        ...withPassword.body,
        status: "ACTIVE",
        activated: iso(),
        statusChanged: iso(),
        lastUpdated: iso(),
        _links: lifecycleLinks(withPassword.id, "suspend", "deactivate"),
      });
      const link = (await call("POST", `${USERS}/${without.id}/lifecycle/activate?sendEmail=false`)).body;
      expect(link).toEqual({ activationUrl: `${ORG_URL}/welcome/${link.activationToken}`, activationToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect(await get(without.id)).toMatchObject({ status: "PROVISIONED", activated: iso(), statusChanged: iso(), _links: lifecycleLinks(without.id, "activate", "deactivate") });
      expect(await eventTypesFor(withPassword.id)).toEqual(["user.lifecycle.activate", "user.lifecycle.create"]);
    });

    it("refuses to activate an ACTIVE user (403 E0000016) and a SUSPENDED one (403 E0000038)", async () => {
      const { id } = await createUser("AlreadyActive");
      const res = await post(id, "activate");
      expect(res.status).toBe(403);
      expect(res.body).toEqual(apiError("E0000016", "Activation failed because the user is already active"));
      expect((await post(id, "suspend")).status).toBe(200);
      const suspended = await post(id, "activate");
      expect(suspended.status).toBe(403);
      expect(suspended.body).toEqual(
        apiError("E0000038", "This operation is not allowed in the user's current status.", [
          "Only a STAGED, PROVISIONED or DEPROVISIONED user can be activated; this user is SUSPENDED. Unsuspend it instead.",
        ]),
      );
      expect(await statusOf(id)).toBe("SUSPENDED");
    });

    it("suspends an ACTIVE user and unsuspends it; wrong statuses answer 400 E0000001", async () => {
      const { id, body } = await createUser("Suspend");
      tick();
      expect((await post(id, "suspend")).body).toEqual({});
      expect(await get(id)).toEqual({ ...body, status: "SUSPENDED", statusChanged: iso(), lastUpdated: iso(), _links: lifecycleLinks(id, "unsuspend", "deactivate") });
      const again = await post(id, "suspend");
      expect(again.status).toBe(400);
      expect(again.body).toEqual(validation("status", ["status: Only an ACTIVE user can be suspended; this user is SUSPENDED."]));
      tick();
      const unsuspend = await post(id, "unsuspend");
      expect(unsuspend.status).toBe(200);
      expect(unsuspend.body).toEqual({});
      expect(await get(id)).toEqual({ ...body, status: "ACTIVE", statusChanged: iso(), lastUpdated: iso() });
      const notSuspended = await post(id, "unsuspend");
      expect(notSuspended.status).toBe(400);
      expect(notSuspended.body).toEqual(validation("status", ["status: Only a SUSPENDED user can be unsuspended; this user is ACTIVE."]));
      const staged = await createUser("SuspendStaged", { activate: false });
      expect((await post(staged.id, "suspend")).body).toEqual(validation("status", ["status: Only an ACTIVE user can be suspended; this user is STAGED."]));
      expect(await eventTypesFor(id)).toEqual(["user.lifecycle.activate", "user.lifecycle.create", "user.lifecycle.suspend", "user.lifecycle.unsuspend"]);
    });

    it("unlocks a LOCKED_OUT user to ACTIVE and resets its failed sign-ins; refuses other statuses with 403 E0000032", async () => {
      const { id, body } = await createUser("Locked");
      await f.db.user.update({ where: { id }, data: { status: "LOCKED_OUT", failedAttempts: 10, lastFailedAttempt: f.clock.now, lockedOut: f.clock.now } });
      expect((await get(id))._links).toEqual(lifecycleLinks(id, "unlock", "deactivate"));
      tick();
      const res = await post(id, "unlock");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({});
      expect(await get(id)).toEqual({ ...body, status: "ACTIVE", statusChanged: iso(), lastUpdated: iso() });
      expect(await f.db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ failedAttempts: 0, lastFailedAttempt: null, lockedOut: null });
      expect(await eventTypesFor(id)).toEqual(["user.account.unlock", "user.lifecycle.activate", "user.lifecycle.create"]);

      await f.db.user.update({ where: { id }, data: { failedAttempts: 3 } });
      const statusChanged = iso();
      tick();
      expect((await post(id, "unlock")).status).toBe(200);
      expect(await f.db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ACTIVE", failedAttempts: 0 });
      expect((await get(id)).statusChanged).toBe(statusChanged);

      const staged = await createUser("LockedStaged", { activate: false });
      const refused = await post(staged.id, "unlock");
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(apiError("E0000032", "Unlock is not allowed for this user.", ["Only a LOCKED_OUT (or ACTIVE) user can be unlocked; this user is STAGED."]));
    });

    it("deactivates any user to DEPROVISIONED (again: 200, no change) and reactivates it", async () => {
      const { id, body } = await createUser("Deactivate");
      tick();
      const res = await post(id, "deactivate");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({});
      const deactivated = await get(id);
      expect(deactivated).toEqual({ ...body, status: "DEPROVISIONED", statusChanged: iso(), lastUpdated: iso(), _links: lifecycleLinks(id, "activate") });
      tick();
      const again = await post(id, "deactivate");
      expect(again.status).toBe(200);
      expect(await get(id)).toEqual(deactivated);
      expect(await eventTypesFor(id)).toEqual(["user.lifecycle.activate", "user.lifecycle.create", "user.lifecycle.deactivate"]);
      const reactivated = await post(id, "activate");
      expect(reactivated.status).toBe(200);
      expect(await get(id)).toMatchObject({ status: "ACTIVE", activated: iso(), statusChanged: iso() });
      const staged = await createUser("DeactivateStaged", { activate: false, password: null });
      expect((await post(staged.id, "deactivate")).status).toBe(200);
      expect(await statusOf(staged.id)).toBe("DEPROVISIONED");
    });

    it.each(["activate", "deactivate", "suspend", "unsuspend", "unlock", "reset_password"])("answers 404 E0000007 to %s for an unknown user", async (action) => {
      const res = await post("00uNoSuchUser0000000", action);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(apiError("E0000007", "Not found: Resource not found: 00uNoSuchUser0000000 (User)"));
    });

    it("answers reset_password with a one-time link (sendEmail=false): the user is RECOVERY", async () => {
      const { id } = await createUser("ResetLink");
      const res = await call("POST", `${USERS}/${id}/lifecycle/reset_password?sendEmail=false`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ resetPasswordUrl: expect.stringMatching(new RegExp(`^${ORG_URL}/signin/reset-password/[A-Za-z0-9_-]{43}$`)) });
      expect(await statusOf(id)).toBe("RECOVERY");
    });
  });

  describe("implicit revocation", () => {
    let n = 0;
    async function giveGrants(userId: string) {
      n += 1;
      const suffix = String(n).padStart(2, "0");
      await insertRefreshToken(f.db, { id: `oarRevocation${suffix}00000`, tokenHash: `${suffix}`.padEnd(64, "a"), familyId: `fam${suffix}`, authServerId: "default", clientId: "0oaClient", userId, scopes: ["openid"], status: "ACTIVE", decision: {}, windowEndsAt: new Date("2027-01-01T00:00:00.000Z"), created: f.clock.now });
      await f.db.userSession.create({
        data: { id: `102Revocation${suffix}00000`, tokenHash: `${suffix}`.padEnd(64, "b"), userId, authTime: f.clock.now, amr: ["pwd"], lastSeen: f.clock.now, idleExpiresAt: new Date("2027-01-01T00:00:00.000Z"), expiresAt: new Date("2027-01-01T00:00:00.000Z"), created: f.clock.now },
      });
      await f.db.sessionToken.create({ data: { tokenHash: `${suffix}`.padEnd(64, "c"), userId, expiresAt: new Date("2027-01-01T00:00:00.000Z"), created: f.clock.now } });
    }
    async function grantsOf(userId: string) {
      return {
        refreshTokens: await f.db.refreshToken.findMany({ where: { family: { userId } }, select: { status: true, revoked: true } }),
        sessions: await f.db.userSession.findMany({ where: { userId }, select: { revoked: true } }),
        sessionTokens: await f.db.sessionToken.count({ where: { userId } }),
      };
    }
    const alive = { refreshTokens: [{ status: "ACTIVE", revoked: null }], sessions: [{ revoked: null }], sessionTokens: 1 };
    const dead = (at: Date) => ({ refreshTokens: [{ status: "REVOKED", revoked: at }], sessions: [{ revoked: at }], sessionTokens: 0 });

    it.each(["suspend", "deactivate"])("%s revokes the user's refresh tokens, sessions and session tokens, and nobody else's", async (action) => {
      const target = await createUser(`Revoke${action}`);
      const bystander = await createUser(`Bystander${action}`);
      await giveGrants(target.id);
      await giveGrants(bystander.id);
      tick();
      expect((await call("POST", `${USERS}/${target.id}/lifecycle/${action}`)).status).toBe(200);
      expect(await grantsOf(target.id)).toEqual(dead(f.clock.now));
      expect(await grantsOf(bystander.id)).toEqual(alive);
    });

    it("a refused lifecycle call revokes nothing", async () => {
      const staged = await createUser("RevokeRefused", { activate: false });
      await giveGrants(staged.id);
      expect((await call("POST", `${USERS}/${staged.id}/lifecycle/suspend`)).status).toBe(400);
      expect(await grantsOf(staged.id)).toEqual(alive);
    });

    it("DELETE deactivates first (204, grants revoked), then deletes the user and everything it owned (204), then 404", async () => {
      const { id } = await createUser("Doomed");
      const groupId = "00gDoomedGroup000001";
      await f.db.group.create({ data: { id: groupId, type: "OKTA_GROUP", name: "Doomed group", nameLower: "doomed group", created: f.clock.now, lastUpdated: f.clock.now, lastMembershipUpdated: f.clock.now } });
      await f.db.groupMembership.create({ data: { groupId, userId: id, created: f.clock.now } });
      await giveGrants(id);
      tick();
      const first = await call("DELETE", `${USERS}/${id}`);
      expect(first.status).toBe(204);
      expect(first.text).toBe("");
      expect(first.headers.get("content-type")).toBeNull();
      expect(await f.db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DEPROVISIONED", statusChanged: f.clock.now });
      expect(await grantsOf(id)).toEqual(dead(f.clock.now));
      expect(await eventTypesFor(id)).toEqual(["user.lifecycle.activate", "user.lifecycle.create", "user.lifecycle.deactivate"]);
      tick();
      const second = await call("DELETE", `${USERS}/${id}`);
      expect(second.status).toBe(204);
      expect(second.text).toBe("");
      expect(await f.db.user.count({ where: { id } })).toBe(0);
      expect(await f.db.groupMembership.count({ where: { userId: id } })).toBe(0);
      expect(await f.db.refreshToken.count({ where: { family: { userId: id } } })).toBe(0);
      expect(await f.db.userSession.count({ where: { userId: id } })).toBe(0);
      expect(await f.db.group.count({ where: { id: groupId } })).toBe(1);
      expect(await eventTypesFor(id)).toEqual([
        "user.lifecycle.activate",
        "user.lifecycle.create",
        "user.lifecycle.deactivate",
        "user.lifecycle.delete.completed",
        "user.lifecycle.delete.initiated",
      ]);
      const third = await call("DELETE", `${USERS}/${id}`);
      expect(third.status).toBe(404);
      expect(third.body.errorCode).toBe("E0000007");
    });
  });

  describe("the last active administrator", () => {
    it.each<[string, string, string]>([
      ["DELETE", "", "deleting"],
      ["POST", "/lifecycle/deactivate", "deactivating"],
      ["POST", "/lifecycle/suspend", "suspending"],
    ])("cannot be removed by %s %s (400), and keeps its grants", async (method, suffix, action) => {
      const admin = await f.db.user.findFirstOrThrow({ where: { ...SUPER_ADMIN_USER, loginLower: "admin@idp.test" } });
      const refreshToken = await insertRefreshToken(f.db, { id: `oarAdmin${action}`.padEnd(20, "0"), tokenHash: action.padEnd(64, "d"), familyId: "famAdmin", authServerId: "default", clientId: "0oaClient", userId: admin.id, scopes: ["openid"], status: "ACTIVE", decision: {}, windowEndsAt: new Date("2027-01-01T00:00:00.000Z") });
      const res = await call(method, `${USERS}/${admin.id}${suffix}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(
        validation("user", [`admin@idp.test is the only active super administrator: ${action} it would leave no one able to assign admin roles. Make another user an active super administrator first.`]),
      );
      expect(await f.db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ status: "ACTIVE" });
      expect((await f.db.refreshToken.findUniqueOrThrow({ where: { id: refreshToken.id } })).status).toBe("ACTIVE");
      expect((await call("GET", `${USERS}/${admin.id}`)).status).toBe(200);
    });

    it("another administrator can be deactivated while the bootstrap admin stays active", async () => {
      const { id } = await createUser("SecondAdmin");
      await setUserRoles(f.db, id, ["SUPER_ADMIN"]);
      expect((await call("POST", `${USERS}/${id}/lifecycle/deactivate`)).status).toBe(200);
      expect(await statusOf(id)).toBe("DEPROVISIONED");
    });
  });

  describe("groups of a user", () => {
    it("lists Everyone and the user's groups as Okta Group objects, ordered by id, with pagination", async () => {
      const { id } = await createUser("Member");
      const created = new Date("2026-01-02T03:04:05.678Z");
      await f.db.group.create({ data: { id: "00gZMemberGroup00001", type: "OKTA_GROUP", name: "Engineering", nameLower: "engineering", description: "Builds things", created, lastUpdated: created, lastMembershipUpdated: created } });
      await f.db.group.create({ data: { id: "00gZOtherGroup000001", type: "OKTA_GROUP", name: "Other", nameLower: "other", created, lastUpdated: created, lastMembershipUpdated: created } });
      await f.db.groupMembership.create({ data: { groupId: "00gZMemberGroup00001", userId: id, created } });
      const everyone = await f.db.group.findFirstOrThrow({ where: { type: "BUILT_IN" } });
      const groupJson = (g: { id: string; type: string; name: string; description: string | null; created: Date; lastUpdated: Date; lastMembershipUpdated: Date }) => ({
        id: g.id,
        created: g.created.toISOString(),
        lastUpdated: g.lastUpdated.toISOString(),
        lastMembershipUpdated: g.lastMembershipUpdated.toISOString(),
        objectClass: ["okta:user_group"],
        type: g.type,
        profile: { name: g.name, description: g.description },
        _links: { logo: [], users: { href: `${ORG_URL}/api/v1/groups/${g.id}/users` }, apps: { href: `${ORG_URL}/api/v1/groups/${g.id}/apps` } },
      });
      const engineering = await f.db.group.findUniqueOrThrow({ where: { id: "00gZMemberGroup00001" } });
      const expected = [groupJson(everyone), groupJson(engineering)].sort((a, b) => (a.id < b.id ? -1 : 1));
      const res = await call("GET", `${USERS}/${id}/groups`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
      expect(res.body.find((g: { id: string }) => g.id === everyone.id).profile).toEqual({ name: "Everyone", description: "All users in your organization" });
      const page = await call("GET", `${USERS}/member@example.com/groups?limit=1`);
      expect(page.body).toEqual([expected[0]]);
      const next = /<([^>]+)>; rel="next"/.exec(page.headers.get("link")!)![1]!;
      expect((await call("GET", next.slice(ORG_URL.length))).body).toEqual([expected[1]]);
      const loner = await createUser("Loner");
      expect((await call("GET", `${USERS}/${loner.id}/groups`)).body).toEqual([groupJson(everyone)]);
      expect((await call("GET", `${USERS}/00uNoSuchUser0000000/groups`)).status).toBe(404);
    });
  });

  describe("secrecy", () => {
    it("never returns or logs a password or a password hash", async () => {
      expect(passwords.length).toBeGreaterThan(10);
      const hashes = (await f.db.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash).filter((h): h is string => h !== null);
      const logs = (await readLogEvents(f.db)).map((event) => JSON.stringify(event));
      expect(logs.length).toBeGreaterThan(20);
      for (const text of [...responses, ...logs]) {
        for (const password of passwords) expect(text.includes(password)).toBe(false);
        for (const hash of hashes) expect(text.includes(hash)).toBe(false);
        expect(text).not.toContain("$argon2");
        expect(text).not.toContain("passwordHash");
      }
    });
  });
});
