import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";

const BASE = "/api/v1/authorizationServers/default/claims";
const EL_INVALID = "value: The value is not a valid Okta Expression Language expression: ";

describe.each(testProviders())("claims API on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    for (const name of ["car:drive", "car:order"]) {
      expect((await f.api("POST", "/api/v1/authorizationServers/default/scopes", { name })).status).toBe(201);
    }
  });
  afterAll(() => f.close());

  const create = (body: unknown, base = BASE) => f.api("POST", base, body);
  const configVersion = async (id = "default") => (await f.db.authorizationServer.findUniqueOrThrow({ where: { id } })).configVersion;
  const eventsFor = async (eventType: string, targetId: string) =>
    (await readLogEvents(f.db, { where: { eventType } })).filter((event) => (event.target as Array<{ id: string }>)[0]?.id === targetId);
  const selfLink = (serverId: string, id: string) => ({
    self: { href: `${ORG_URL}/api/v1/authorizationServers/${serverId}/claims/${id}`, hints: { allow: ["GET", "PUT", "DELETE"] } },
  });
  const expression = (name: string, extra: Record<string, unknown> = {}) => ({ name, claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email", ...extra });
  const groups = (name: string, filter: string, value: string, extra: Record<string, unknown> = {}) => ({
    name,
    claimType: "IDENTITY",
    valueType: "GROUPS",
    group_filter_type: filter,
    value,
    ...extra,
  });
  async function newServer(name: string): Promise<string> {
    const res = await f.api("POST", "/api/v1/authorizationServers", { name, audiences: [`api://${name.toLowerCase().replace(/\s/g, "-")}`] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  /** Asserts a 400 E0000001 on `field` with `cause`, and that nothing changed (claims, configVersion, System Log). */
  async function expectRejected(send: () => Promise<{ status: number; body: { errorCauses: unknown[] } & Record<string, unknown> }>, field: string, cause: string) {
    const [claims, version, events] = [await f.db.claim.findMany({ orderBy: { id: "asc" } }), await configVersion(), await f.db.systemLogEvent.count()];
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, errorLink: "E0000001" });
    expect(res.body.errorCauses).toContainEqual({ errorSummary: cause });
    expect(await f.db.claim.findMany({ orderBy: { id: "asc" } })).toEqual(claims);
    expect(await configVersion()).toBe(version);
    expect(await f.db.systemLogEvent.count()).toBe(events);
    return res;
  }

  describe("create", () => {
    it("creates the spec's example claim (201), with an audit event and a new configVersion", async () => {
      const version = await configVersion();
      f.clock.advance(1000);
      const res = await create({ name: "carDriving", status: "ACTIVE", claimType: "RESOURCE", valueType: "EXPRESSION", value: '"driving!"', conditions: { scopes: ["car:drive"] } });
      expect(res.status).toBe(201);
      expect(res.headers.get("content-type")).toBe("application/json");
      const id = res.body.id as string;
      expect(id).toMatch(/^ocl[0-9A-Za-z]{17}$/);
      const expected = {
        id,
        name: "carDriving",
        status: "ACTIVE",
        claimType: "RESOURCE",
        valueType: "EXPRESSION",
        value: '"driving!"',
        alwaysIncludeInToken: true,
        conditions: { scopes: ["car:drive"] },
        system: false,
        _links: selfLink("default", id),
      };
      expect(res.body).toEqual(expected);
      const got = await f.api("GET", `${BASE}/${id}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(expected);
      expect(await f.db.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ groupFilterType: null, created: f.clock.now, lastUpdated: f.clock.now });
      expect(await configVersion()).toBe(version + 1);
      expect((await f.db.authorizationServer.findUniqueOrThrow({ where: { id: "default" } })).lastUpdated).toEqual(f.clock.now);
      const [event, ...more] = await eventsFor("oauth2.claim.created", id);
      expect(more).toEqual([]);
      expect(event).toMatchObject({ outcomeResult: "SUCCESS", published: f.clock.now, displayMessage: "Created claim carDriving in authorization server default" });
      expect(event!.target).toEqual([
        { id, type: "OAuth2Claim", displayName: "carDriving" },
        { id: "default", type: "AuthorizationServer", displayName: "default" },
      ]);
    });

    it("defaults status to ACTIVE, conditions.scopes to [] and an ID token claim's alwaysIncludeInToken to true", async () => {
      const res = await create({ name: "department", claimType: "IDENTITY", valueType: "EXPRESSION", value: "user.department" });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: res.body.id,
        name: "department",
        status: "ACTIVE",
        claimType: "IDENTITY",
        valueType: "EXPRESSION",
        value: "user.department",
        alwaysIncludeInToken: true,
        conditions: { scopes: [] },
        system: false,
        _links: selfLink("default", res.body.id),
      });
    });

    it.each([
      ["IDENTITY", false, false],
      ["IDENTITY", "FALSE", false],
      ["IDENTITY", "false", false],
      ["IDENTITY", "TRUE", true],
      ["IDENTITY", true, true],
      ["RESOURCE", false, true],
      ["RESOURCE", "FALSE", true],
    ])("stores alwaysIncludeInToken for a %s claim sent as %j as %s (always true for access tokens)", async (claimType, sent, stored) => {
      const name = `always${claimType}${typeof sent}${String(sent)}`;
      const res = await create({ name, claimType, valueType: "EXPRESSION", value: "user.login", alwaysIncludeInToken: sent, status: "INACTIVE" });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ alwaysIncludeInToken: stored, status: "INACTIVE" });
      expect((await f.db.claim.findUniqueOrThrow({ where: { id: res.body.id } })).alwaysIncludeInToken).toBe(stored);
    });

    it.each([
      ["STARTS_WITH", "app-"],
      ["EQUALS", "Admins"],
      ["CONTAINS", "eng"],
      ["REGEX", "/^[a-z0-9_-]{3,16}$/"],
      ["REGEX", "app-.*"],
    ])("creates a GROUPS claim filtered by %s %j", async (filter, value) => {
      const name = `groups${filter}${value.length}`;
      const res = await create(groups(name, filter, value, { conditions: { scopes: ["openid", "car:order"] } }));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: res.body.id,
        name,
        status: "ACTIVE",
        claimType: "IDENTITY",
        valueType: "GROUPS",
        value,
        group_filter_type: filter,
        alwaysIncludeInToken: true,
        conditions: { scopes: ["openid", "car:order"] },
        system: false,
        _links: selfLink("default", res.body.id),
      });
      expect((await f.api("GET", `${BASE}/${res.body.id}`)).body).toEqual(res.body);
    });

    it("accepts the spec's property name groupFilterType, and both names when they agree", async () => {
      const spec = await create({ name: "groupsSpecName", claimType: "RESOURCE", valueType: "GROUPS", groupFilterType: "CONTAINS", value: "ops" });
      expect(spec.status).toBe(201);
      expect(spec.body.group_filter_type).toBe("CONTAINS");
      expect(spec.body).not.toHaveProperty("groupFilterType");
      const both = await create({ name: "groupsBothNames", claimType: "RESOURCE", valueType: "GROUPS", groupFilterType: "EQUALS", group_filter_type: "EQUALS", value: "ops" });
      expect(both.status).toBe(201);
      expect(both.body.group_filter_type).toBe("EQUALS");
    });

    it("deduplicates conditions.scopes", async () => {
      const res = await create(expression("dedupe", { conditions: { scopes: ["car:drive", "car:drive", "openid"] } }));
      expect(res.status).toBe(201);
      expect(res.body.conditions).toEqual({ scopes: ["car:drive", "openid"] });
    });

    it.each([
      [{ claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email" }, "name", "name: The field cannot be left blank."],
      [expression(""), "name", "name: The field cannot be left blank."],
      [expression("has space"), "name", "name: A claim name cannot contain whitespace."],
      [expression(" lead"), "name", "name: A claim name cannot contain whitespace."],
      [expression("tab\t"), "name", "name: A claim name cannot contain whitespace."],
      [expression("n".repeat(101)), "name", "name: A claim name is at most 100 characters."],
      [expression("okStatus", { status: "ENABLED" }), "status", "status: status must be ACTIVE or INACTIVE."],
      [{ name: "noType", valueType: "EXPRESSION", value: "user.email" }, "claimType", "claimType: claimType must be RESOURCE (access token) or IDENTITY (ID token)."],
      [expression("badType", { claimType: "ACCESS" }), "claimType", "claimType: claimType must be RESOURCE (access token) or IDENTITY (ID token)."],
      [{ name: "noValueType", claimType: "RESOURCE", value: "user.email" }, "valueType", "valueType: valueType must be EXPRESSION or GROUPS."],
      [expression("systemValue", { valueType: "SYSTEM" }), "valueType", "valueType: SYSTEM claims are created by the server; use EXPRESSION or GROUPS."],
      [expression("noValue", { value: undefined }), "value", "value: The field cannot be left blank."],
      [expression("emptyValue", { value: "" }), "value", "value: The field cannot be left blank."],
      [expression("systemTrue", { system: true }), "system", "system: The system flag is read-only; only the server creates system claims."],
      [expression("systemString", { system: "TRUE" }), "system", "system: The system flag is read-only; only the server creates system claims."],
      [expression("alwaysBad", { claimType: "IDENTITY", alwaysIncludeInToken: "sometimes" }), "alwaysIncludeInToken", "alwaysIncludeInToken: alwaysIncludeInToken must be true or false."],
      [expression("condBad", { conditions: { scopes: "car:drive" } }), "conditions.scopes", "conditions.scopes: conditions.scopes must be an array of scope names."],
      [expression("condBlank", { conditions: { scopes: [""] } }), "conditions.scopes.0", "conditions.scopes.0: A scope name cannot be blank."],
      [expression("condObject", { conditions: ["car:drive"] }), "conditions", 'conditions: conditions must be an object: {"scopes": [...]}.'],
    ])("rejects %j with 400 E0000001 on %s and changes nothing", async (body, field, cause) => {
      await expectRejected(() => create(body), field, cause);
    });

    it.each(["iss", "sub", "aud", "exp", "iat", "nbf", "jti", "cid", "uid", "scp", "ver", "auth_time", "amr", "idp", "nonce", "at_hash", "c_hash", "azp", "acr", "sid", "client_id", "cnf", "ISS", "Sub"])(
      "rejects the reserved claim name %s",
      async (name) => {
        await expectRejected(() => create(expression(name)), "name", `name: '${name}' is a reserved claim name: the server sets it in tokens itself.`);
        await expectRejected(() => create({ ...groups(name, "EQUALS", "x"), claimType: "IDENTITY" }), "name", `name: '${name}' is a reserved claim name: the server sets it in tokens itself.`);
      },
    );

    it.each([
      ["user.email ==", "Unexpected end of expression at position 13"],
      ["user.email user.login", "Unexpected token 'user' at position 11"],
      ['"abc', "Unterminated string literal starting at position 0"],
      ["nope.attr", "Unknown identifier 'nope' at position 0"],
      ["String.lenght(user.email)", "Unknown function 'String.lenght' at position 0"],
      ["String.substring(user.email, 1)", "Function 'String.substring' expects 3 arguments but got 2 at position 0"],
      ["x".repeat(5000), "Expression is too long: 5000 characters (maximum 4096)"],
    ])("rejects the EXPRESSION %j with the EL error and its position", async (value, message) => {
      const res = await expectRejected(() => create(expression("badExpression", { value })), "value", `${EL_INVALID}${message}`);
      expect(res.body.errorCauses).toHaveLength(1);
    });

    it.each([
      [groups("groupsNoFilter", "", "x", { group_filter_type: undefined }), "group_filter_type", "group_filter_type: group_filter_type is required when valueType is GROUPS: STARTS_WITH, EQUALS, CONTAINS or REGEX."],
      [groups("groupsNullFilter", "", "x", { group_filter_type: null }), "group_filter_type", "group_filter_type: group_filter_type is required when valueType is GROUPS: STARTS_WITH, EQUALS, CONTAINS or REGEX."],
      [groups("groupsBadFilter", "LIKE", "x"), "group_filter_type", "group_filter_type: group_filter_type must be STARTS_WITH, EQUALS, CONTAINS or REGEX."],
      [groups("groupsLowerFilter", "regex", "x"), "group_filter_type", "group_filter_type: group_filter_type must be STARTS_WITH, EQUALS, CONTAINS or REGEX."],
      [{ ...groups("groupsSpecBad", "", "x", { group_filter_type: undefined }), groupFilterType: "SOME" }, "groupFilterType", "groupFilterType: groupFilterType must be STARTS_WITH, EQUALS, CONTAINS or REGEX."],
      [groups("groupsDisagree", "EQUALS", "x", { groupFilterType: "CONTAINS" }), "group_filter_type", "group_filter_type: group_filter_type and groupFilterType disagree; give one of them."],
      [expression("exprWithFilter", { group_filter_type: "EQUALS" }), "group_filter_type", "group_filter_type: group_filter_type applies only when valueType is GROUPS."],
      [expression("exprWithSpecFilter", { groupFilterType: "REGEX" }), "group_filter_type", "group_filter_type: group_filter_type applies only when valueType is GROUPS."],
      [groups("groupsLong", "STARTS_WITH", "g".repeat(257)), "value", "value: The group filter is at most 256 characters."],
      [groups("regexLong", "REGEX", "g".repeat(257)), "value", "value: The group filter is at most 256 characters."],
      [groups("regexEmpty", "REGEX", "//"), "value", "value: The REGEX group filter cannot be empty."],
      [groups("regexInvalid", "REGEX", "app-(dev"), "value", "value: The REGEX group filter is not a valid regular expression: error parsing regexp: missing closing ): `app-(dev`"],
      [groups("regexInjection", "REGEX", "a)|(b"), "value", "value: The REGEX group filter is not a valid regular expression: error parsing regexp: unexpected ): `a)|(b`"],
      [groups("regexBackref", "REGEX", "(a)\\1"), "value", "value: The REGEX group filter is not a valid regular expression: error parsing regexp: invalid escape sequence: `\\1`"],
      [groups("regexLookahead", "REGEX", "(?=admin)a.*"), "value", "value: The REGEX group filter is not a valid regular expression: error parsing regexp: invalid or unsupported Perl syntax: `(?=`"],
    ])("rejects the GROUPS claim %j on %s", async (body, field, cause) => {
      await expectRejected(() => create(body), field, cause);
    });

    it.each([
      ["regexNested", "(a+)+"],
      ["regexStarStar", "/(.*)*/"],
      ["regexChain", `${"(.|.)".repeat(29)}x`],
    ])("accepts the GROUPS claim %s (%s): REGEX filters run on a linear-time engine", async (name, value) => {
      const res = await create(groups(name, "REGEX", value));
      expect(res.status, res.text).toBe(201);
      expect(res.body.value).toBe(value);
    });

    it("rejects conditions.scopes naming unknown scopes (exact spelling), one cause each", async () => {
      const res = await expectRejected(
        () => create(expression("unknownScopes", { conditions: { scopes: ["car:drive", "car:fly", "Car:Order"] } })),
        "conditions.scopes",
        "conditions.scopes: No scope named 'car:fly' exists in this authorization server.",
      );
      expect(res.body.errorCauses).toEqual([
        { errorSummary: "conditions.scopes: No scope named 'car:fly' exists in this authorization server." },
        { errorSummary: "conditions.scopes: No scope named 'Car:Order' exists in this authorization server." },
      ]);
    });

    it("rejects a scope of another server in conditions.scopes", async () => {
      const other = await newServer("Claims Other Scopes");
      expect((await f.api("POST", `/api/v1/authorizationServers/${other}/scopes`, { name: "elsewhere:only" })).status).toBe(201);
      await expectRejected(
        () => create(expression("foreignScope", { conditions: { scopes: ["elsewhere:only"] } })),
        "conditions.scopes",
        "conditions.scopes: No scope named 'elsewhere:only' exists in this authorization server.",
      );
    });

    it("refuses a duplicate (claimType, name), allows the same name in the other token and on another server", async () => {
      expect((await create(expression("shared"))).status).toBe(201);
      await expectRejected(() => create(expression("shared", { value: "user.login" })), "name", "name: A RESOURCE claim named 'shared' already exists in this authorization server.");
      expect((await create(expression("shared", { claimType: "IDENTITY" }))).status).toBe(201);
      expect((await create(expression("Shared"))).status).toBe(201);
      const other = await newServer("Claims Twin");
      expect((await create(expression("shared"), `/api/v1/authorizationServers/${other}/claims`)).status).toBe(201);
    });

    it("refuses an ID token claim named like a system claim of that token", async () => {
      await expectRejected(
        () => create({ name: "email", claimType: "IDENTITY", valueType: "EXPRESSION", value: "user.login" }),
        "name",
        "name: A IDENTITY claim named 'email' already exists in this authorization server.",
      );
      expect((await create({ name: "email", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email" })).status).toBe(201);
    });

    it("answers 404 E0000007 (AuthorizationServer) for an unknown server on every operation", async () => {
      const server = "/api/v1/authorizationServers/ausNoSuchServer00000";
      for (const [method, path, body] of [
        ["GET", `${server}/claims`, undefined],
        ["POST", `${server}/claims`, expression("x")],
        ["GET", `${server}/claims/oclNoSuchClaim000000`, undefined],
        ["PUT", `${server}/claims/oclNoSuchClaim000000`, expression("x")],
        ["DELETE", `${server}/claims/oclNoSuchClaim000000`, undefined],
      ] as const) {
        const res = await f.api(method, path, body);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: ausNoSuchServer00000 (AuthorizationServer)" });
      }
    });
  });

  describe("get", () => {
    it("answers 404 E0000007 (OAuth2Claim) for an unknown claim and for a claim of another server", async () => {
      const missing = await f.api("GET", `${BASE}/oclNoSuchClaim000000`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: oclNoSuchClaim000000 (OAuth2Claim)", errorCauses: [] });
      const other = await newServer("Claims Foreign");
      const foreign = (await create(expression("foreignClaim"), `/api/v1/authorizationServers/${other}/claims`)).body.id as string;
      for (const [method, body] of [["GET", undefined], ["PUT", expression("hijacked")], ["DELETE", undefined]] as const) {
        const res = await f.api(method, `${BASE}/${foreign}`, body);
        expect(res.status).toBe(404);
        expect(res.body.errorSummary).toBe(`Not found: Resource not found: ${foreign} (OAuth2Claim)`);
      }
      expect((await f.db.claim.findUniqueOrThrow({ where: { id: foreign } })).name).toBe("foreignClaim");
    });

    it("returns the system claim sub as the server created it", async () => {
      const sub = await f.db.claim.findFirstOrThrow({ where: { authServerId: "default", name: "sub" } });
      const res = await f.api("GET", `${BASE}/${sub.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: sub.id,
        name: "sub",
        status: "ACTIVE",
        claimType: "RESOURCE",
        valueType: "SYSTEM",
        value: "(appuser != null) ? appuser.userName : app.clientId",
        alwaysIncludeInToken: true,
        conditions: { scopes: [] },
        system: true,
        _links: selfLink("default", sub.id),
      });
    });
  });

  describe("replace", () => {
    it("replaces a claim (200): omitted fields return to their defaults; audit and configVersion", async () => {
      const created = await create(groups("teams", "REGEX", "team-.*", { status: "INACTIVE", alwaysIncludeInToken: false, conditions: { scopes: ["car:drive"] } }));
      const id = created.body.id as string;
      const version = await configVersion();
      f.clock.advance(60_000);
      const res = await f.api("PUT", `${BASE}/${id}`, { name: "teamName", claimType: "RESOURCE", valueType: "EXPRESSION", value: 'user.team + "!"' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id,
        name: "teamName",
        status: "ACTIVE",
        claimType: "RESOURCE",
        valueType: "EXPRESSION",
        value: 'user.team + "!"',
        alwaysIncludeInToken: true,
        conditions: { scopes: [] },
        system: false,
        _links: selfLink("default", id),
      });
      expect((await f.api("GET", `${BASE}/${id}`)).body).toEqual(res.body);
      const row = await f.db.claim.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ groupFilterType: null, lastUpdated: f.clock.now });
      expect(row.created).not.toEqual(f.clock.now);
      expect(await configVersion()).toBe(version + 1);
      const [event] = await eventsFor("oauth2.claim.updated", id);
      expect(event).toMatchObject({ displayMessage: "Updated claim teamName in authorization server default", published: f.clock.now });
    });

    it("accepts an echoed body (what the SDK sends back), with the spec's string booleans", async () => {
      const created = await create(groups("echoed", "STARTS_WITH", "app-", { alwaysIncludeInToken: false }));
      const res = await f.api("PUT", `${BASE}/${created.body.id}`, { ...created.body, value: "web-", alwaysIncludeInToken: "FALSE", system: "false" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...created.body, value: "web-" });
    });

    it("refuses invalid values, duplicates and unknown scopes, changing nothing", async () => {
      await create(expression("taken"));
      const id = (await create(expression("mine"))).body.id as string;
      await expectRejected(() => f.api("PUT", `${BASE}/${id}`, expression("taken")), "name", "name: A RESOURCE claim named 'taken' already exists in this authorization server.");
      await expectRejected(() => f.api("PUT", `${BASE}/${id}`, expression("mine", { value: "user.email ==" })), "value", `${EL_INVALID}Unexpected end of expression at position 13`);
      await expectRejected(() => f.api("PUT", `${BASE}/${id}`, expression("mine", { conditions: { scopes: ["car:fly"] } })), "conditions.scopes", "conditions.scopes: No scope named 'car:fly' exists in this authorization server.");
      await expectRejected(() => f.api("PUT", `${BASE}/${id}`, expression("mine", { valueType: "SYSTEM" })), "valueType", "valueType: SYSTEM claims are created by the server; use EXPRESSION or GROUPS.");
      await expectRejected(() => f.api("PUT", `${BASE}/${id}`, expression("mine", { system: true })), "system", "system: The system flag is read-only; only the server creates system claims.");
      await expectRejected(() => f.api("PUT", `${BASE}/${id}`, expression("nonce")), "name", "name: 'nonce' is a reserved claim name: the server sets it in tokens itself.");
      // Keeping its own name is not a duplicate.
      expect((await f.api("PUT", `${BASE}/${id}`, expression("mine", { value: "user.login" }))).status).toBe(200);
    });

    it("refuses to change a system claim, even with its own body", async () => {
      const given = await f.db.claim.findFirstOrThrow({ where: { authServerId: "default", name: "given_name" } });
      const current = (await f.api("GET", `${BASE}/${given.id}`)).body;
      for (const body of [current, { ...current, valueType: "EXPRESSION", value: "user.firstName" }, { ...current, status: "INACTIVE" }]) {
        await expectRejected(() => f.api("PUT", `${BASE}/${given.id}`, body), "claim", "'given_name' is a system claim; it cannot be changed.");
      }
    });
  });

  describe("delete", () => {
    it("deletes a claim with a bare 204, an audit event and a new configVersion", async () => {
      const id = (await create(expression("doomed"))).body.id as string;
      const version = await configVersion();
      f.clock.advance(1000);
      const res = await f.api("DELETE", `${BASE}/${id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(res.headers.get("content-type")).toBeNull();
      expect(await f.db.claim.count({ where: { id } })).toBe(0);
      expect(await configVersion()).toBe(version + 1);
      expect((await f.db.authorizationServer.findUniqueOrThrow({ where: { id: "default" } })).lastUpdated).toEqual(f.clock.now);
      const [event] = await eventsFor("oauth2.claim.deleted", id);
      expect(event).toMatchObject({ displayMessage: "Deleted claim doomed from authorization server default", outcomeResult: "SUCCESS" });
      const again = await f.api("DELETE", `${BASE}/${id}`);
      expect(again.status).toBe(404);
      expect(again.body.errorSummary).toBe(`Not found: Resource not found: ${id} (OAuth2Claim)`);
    });

    it("refuses to delete a system claim", async () => {
      const sub = await f.db.claim.findFirstOrThrow({ where: { authServerId: "default", name: "sub" } });
      await expectRejected(() => f.api("DELETE", `${BASE}/${sub.id}`), "claim", "'sub' is a system claim; it cannot be deleted.");
      expect(await f.db.claim.count({ where: { id: sub.id } })).toBe(1);
    });
  });

  describe("list", () => {
    it("lists the server's claims (system ones included) ordered by id, and follows Link rel=next to the end", async () => {
      const server = await newServer("Claims List");
      const base = `/api/v1/authorizationServers/${server}/claims`;
      for (const name of ["alpha", "beta", "gamma"]) expect((await create(expression(name), base)).status).toBe(201);
      const all = await f.db.claim.findMany({ where: { authServerId: server }, orderBy: { id: "asc" } });
      expect(all).toHaveLength(23);

      const full = await f.api("GET", base);
      expect(full.status).toBe(200);
      expect(full.body.map((c: { id: string }) => c.id)).toEqual(all.map((c) => c.id));
      const alpha = full.body.find((c: { name: string }) => c.name === "alpha");
      expect(alpha).toEqual((await f.api("GET", `${base}/${alpha.id}`)).body);
      expect(full.body.filter((c: { system: boolean }) => c.system)).toHaveLength(20);
      expect(full.headers.get("link")).toBe(`<${ORG_URL}${base}>; rel="self"`);

      const seen: string[] = [];
      let path: string | null = `${base}?limit=10`;
      let pages = 0;
      while (path) {
        const res = await f.api("GET", path);
        expect(res.status).toBe(200);
        pages += 1;
        seen.push(...res.body.map((c: { id: string }) => c.id));
        const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link")!)?.[1];
        if (next) expect(next).toBe(`${ORG_URL}${base}?limit=10&after=${res.body.at(-1).id}`);
        path = next ? next.slice(ORG_URL.length) : null;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(all.map((c) => c.id));
    });
  });

  it("answers 405 E0000022 with Allow for unsupported methods", async () => {
    const collection = await f.api("DELETE", BASE);
    expect(collection.status).toBe(405);
    expect(collection.headers.get("allow")).toBe("GET, POST");
    const item = await f.api("POST", `${BASE}/oclAnything000000000`, {});
    expect(item.status).toBe(405);
    expect(item.headers.get("allow")).toBe("GET, PUT, DELETE");
  });
});
