import { dynamicSegments, routeClass, type AppRoute, type RouteClass } from "./app-routes";
import type { Random } from "./random";
import type { RawRequest } from "./raw-http";

/** What the generator needs to reach past the first checks: a real client, token and action ids. */
export type FuzzContext = {
  host: string;
  adminToken: string;
  client: { id: string; secret: string; redirectUri: string };
  /** the dashboard's server action ids (the build's server-reference-manifest.json) */
  actionIds: string[];
  /** a header sending a protocol request past the fast path to its Next.js route handler */
  bypassHeader: string;
};

export type FuzzRequest = { routeClass: RouteClass; pattern: string; mutation: Mutation; raw: RawRequest };

export const MUTATIONS = [
  "method",
  "path escape",
  "query escape",
  "duplicate params",
  "invalid UTF-8",
  "NUL",
  "CR/LF/TAB",
  "content type",
  "multipart",
  "origin",
  "host",
  "cookie",
  "huge headers",
  "deep JSON",
] as const;
export type Mutation = (typeof MUTATIONS)[number] | "server action";

/** A request under construction: parameters stay a list (duplicates, order) until serialised. */
type Draft = {
  method: string;
  segments: string[];
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  body: { kind: "form"; fields: Array<[string, string]> } | { kind: "json"; text: string } | { kind: "raw"; bytes: Buffer } | null;
};

// Byte strings below are latin1: one char per byte on the wire.
const utf8 = (text: string) => Buffer.from(text, "utf8").toString("latin1");
const BAD_ESCAPES = ["%zz", "%", "%f", "%ff", "%c0%af", "%ed%a0%80", "%e0%a4%a", "%00", "%0d%0a", "%09", "%2f", "%2e%2e", "%u0041", "%%", "%fe%ff"];
const INVALID_UTF8 = ["\xff", "\xc3(", "\xed\xa0\x80", "\x80\x80", "\xf8\x88\x80\x80\x80", "\xc0\xaf"];
const CONTROLS = ["%0d%0a", "%0a", "%0d", "%09", "%00", "%0d%0aSet-Cookie:%20x=1", "%1b", "%7f", "%c2%85"];
const ODD_METHODS = ["TRACE", "TRACK", "CONNECT", "PROPFIND", "PURGE", "MKCOL", "LOCK", "COPY", "MOVE", "SEARCH", "LINK", "REPORT", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD", "get", "FOO", "M-SEARCH", "SOURCE", "QUERY"];
const CONTENT_TYPES = ["", "application/json", "text/plain", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-16", "application/json; charset=utf-7", "text/html", "]]]", "multipart/form-data", "application/jwt", "*/*", "application/x-www-form-urlencoded, application/json", "a".repeat(2000)];
const ORIGINS = ["::::", "http://[x", "null", "http://evil.example", "https://127.0.0.1", "http://127.0.0.1:1", "file://", "http://a b", "\xff\xfe", "http://" + "a".repeat(3000), "javascript:alert(1)"];
const HOSTS = ["[bad", "a:b:c", "", "evil.example", "127.0.0.1:99999", "\xff", "x".repeat(4000), "localhost:0", "[::1]:x"];

/** Builds `count` requests: first every route with every mutation (so that each route is fuzzed), then random ones. */
export function generateRequests(routes: AppRoute[], context: FuzzContext, random: Random, count: number): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const pages = routes.filter((route) => route.kind === "page");
  for (const route of routes) for (const mutation of MUTATIONS) out.push(build(route, mutation, context, random));
  for (const page of pages) for (let i = 0; i < 6; i++) out.push(serverAction(page, context, random));
  while (out.length < count) {
    if (random.chance(0.12)) out.push(serverAction(random.pick(pages), context, random));
    else out.push(build(random.pick(routes), random.pick(MUTATIONS), context, random));
  }
  return out;
}

function build(route: AppRoute, mutation: Mutation, context: FuzzContext, random: Random): FuzzRequest {
  let klass = routeClass(route);
  const draft = baseDraft(route, klass, context, random);
  if (klass === "protocol (fast path)" && random.chance(0.5)) {
    draft.headers.push([context.bypassHeader, "1"]);
    klass = "protocol (Next.js)";
  }
  mutate(draft, mutation, route, random);
  if (random.chance(0.15)) mutate(draft, random.pick(MUTATIONS), route, random);
  // Calls with the token must change nothing, whatever a mutation did to the method (e.g. "origin"
  // turning a GET into a POST): a write with the token names no real object.
  const withToken = draft.headers.some(([name, value]) => name === "Authorization" && value === `SSWS ${context.adminToken}`);
  if (withToken && !["GET", "HEAD", "OPTIONS"].includes(draft.method)) {
    draft.segments = draft.segments.map((segment) => (segment === "default" ? `ausFuzz${random.word(12)}` : segment));
    // a static path names a real object (/api/v1/api-tokens/current): only its (junk-bodied) POST stays a write
    if (dynamicSegments(route.pattern).length === 0 && draft.method !== "POST") draft.method = "GET";
  }
  return { routeClass: klass, pattern: route.pattern, mutation, raw: serialise(draft) };
}

/** A plausible request for the route: real client, parameters and (for half the admin calls) the token. */
function baseDraft(route: AppRoute, klass: RouteClass, context: FuzzContext, random: Random): Draft {
  const methods = route.kind === "page" ? ["GET", "GET", "POST"] : route.methods.filter((method) => method !== "HEAD");
  const method = random.pick(methods.length ? methods : ["GET"]);
  const withToken = klass === "admin API" && random.chance(0.5);
  // Calls with the token must change nothing: writes name ids that do not exist, never a static path.
  const safeIds = withToken && method !== "GET";
  const segments = route.pattern
    .split("/")
    .filter(Boolean)
    .map((segment) => (/^\[.+\]$/.test(segment) ? segmentValue(segment, klass, safeIds, random) : segment));
  const draft: Draft = { method, segments, query: [], headers: [["User-Agent", "fuzz"]], body: null };
  if (withToken) draft.headers.push(["Authorization", `SSWS ${context.adminToken}`]);
  else if (klass === "admin API" && random.chance(0.4)) draft.headers.push(["Authorization", random.pick(["SSWS nope", "Bearer x", "SSWS", `SSWS ${"a".repeat(600)}`, "Basic !!!"])]);
  const params = parametersFor(route, klass, context, random);
  const sendsBody = method === "POST" || method === "PUT" || method === "PATCH" || method === "DELETE";
  if (klass === "admin API" || klass === "end-user API") {
    draft.query = klass === "admin API" && method === "GET" ? params : [];
    if (sendsBody) {
      draft.headers.push(["Content-Type", "application/json"], ["Accept", "application/json"]);
      const body = klass === "end-user API" ? { username: `fuzz-${random.word(4)}@faults.test`, password: "wrong-password" } : { fuzz: true, name: {}, label: [], profile: 7, lockoutThreshold: -1, client_name: 5 };
      draft.body = { kind: "json", text: JSON.stringify(body) };
    }
    if (safeIds && dynamicSegments(route.pattern).length === 0 && (method === "DELETE" || method === "PUT")) draft.method = "GET";
  } else if (sendsBody && route.kind === "route") {
    draft.headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
    draft.body = { kind: "form", fields: params };
    if (klass.startsWith("protocol") && random.chance(0.5)) draft.headers.push(["Authorization", `Basic ${Buffer.from(`${context.client.id}:${context.client.secret}`).toString("base64")}`]);
    if (klass === "hosted form") draft.headers.push(["Origin", `http://${context.host}`]);
  } else {
    draft.query = params;
  }
  if (klass.startsWith("protocol") && route.pattern.endsWith("/userinfo")) draft.headers.push(["Authorization", `Bearer ${random.pick(["x", "eyJhbGciOiJub25lIn0.e30.", "a".repeat(5000)])}`]);
  return draft;
}

function segmentValue(segment: string, klass: RouteClass, safeIds: boolean, random: Random): string {
  if (segment === "[authServerId]" && !safeIds && random.chance(0.75)) return "default";
  if (segment.startsWith("[...")) return `${random.word(5)}/${random.word(3)}`;
  return random.chance(0.8) ? `${random.pick(["00u", "00g", "0oa", "aus", "scp", "ocl", "00p", "0pr", "tos", "00T", "pk"])}Fuzz${random.word(12)}` : random.pick(["..", "%2e", "~", "a".repeat(300), utf8("é"), "-", "0"]);
}

/** The parameters a route reads, with valid-looking values (the mutations then break them). */
function parametersFor(route: AppRoute, klass: RouteClass, context: FuzzContext, random: Random): Array<[string, string]> {
  const p = route.pattern;
  const { client } = context;
  if (klass === "authorize") {
    if (p.endsWith("/resume")) return [["request", `ftx${random.word(17)}`]];
    return [
      ["client_id", client.id],
      ["redirect_uri", client.redirectUri],
      ["response_type", random.pick(["code", "token", "id_token", "code id_token"])],
      ["scope", "openid profile"],
      ["state", random.word(8)],
      ["nonce", random.word(8)],
      ["code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"],
      ["code_challenge_method", "S256"],
      ...random.pick<Array<[string, string]>>([[], [["response_mode", random.pick(["query", "fragment", "form_post", "okta_post_message"])]], [["prompt", "none"]], [["max_age", "0"]], [["login_hint", "a@b.c"]], [["display", "popup"]], [["idp", "0oaX"]], [["sessionToken", "x"]], [["id_token_hint", "a.b.c"]], [["request", "x"]]]),
    ];
  }
  if (klass === "logout") return [["id_token_hint", random.pick(["a.b.c", "eyJhbGciOiJub25lIn0.e30."])], ["post_logout_redirect_uri", client.redirectUri], ["state", random.word(6)]];
  if (klass === "protocol (fast path)") {
    if (p.endsWith("/token"))
      return random.pick<Array<[string, string]>>([
        [["grant_type", "client_credentials"], ["scope", "openid"]],
        [["grant_type", "password"], ["username", `fuzz-${random.word(3)}@faults.test`], ["password", "wrong"], ["scope", "openid"]],
        [["grant_type", "authorization_code"], ["code", random.word(20)], ["redirect_uri", client.redirectUri], ["code_verifier", random.word(43)]],
        [["grant_type", "refresh_token"], ["refresh_token", random.word(20)]],
        [["grant_type", "client_credentials"], ["client_id", client.id], ["client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"], ["client_assertion", "a.b.c"]],
      ]);
    if (p.endsWith("/introspect") || p.endsWith("/revoke")) return [["token", random.pick(["x", "eyJhbGciOiJub25lIn0.e30.", random.word(40)])], ["token_type_hint", random.pick(["access_token", "refresh_token", "id_token", "x"])]];
    if (p.endsWith("/keys")) return [["client_id", client.id]];
    return [["client_id", client.id]];
  }
  if (klass === "hosted form") {
    if (p.startsWith("/signin/start")) return [["return_to", "/admin"]];
    if (p.startsWith("/consent")) return [["request", `ftx${random.word(17)}`], ["csrf", random.word(20)], ["decision", random.pick(["allow", "deny"])]];
    return [["request", `ftx${random.word(17)}`], ["csrf", random.word(20)], ["username", "fuzz@faults.test"], ["password", "wrong"], ["return_to", "/admin"]];
  }
  if (klass === "admin API") return random.pick<Array<[string, string]>>([[["limit", "2"]], [["q", "a"]], [["filter", 'status eq "ACTIVE"']], [["search", 'profile.login sw "a"']], [["after", "00u"], ["limit", "1"]], [["since", "2020-01-01T00:00:00Z"], ["sortOrder", "DESCENDING"]], [["activate", "false"]], []]);
  if (p === "/signin") return random.pick<Array<[string, string]>>([[["request", `ftx${random.word(17)}`]], [["return_to", "/admin"], ["started", "1"]], []]);
  if (p === "/consent") return [["request", `ftx${random.word(17)}`]];
  if (klass === "dashboard page") return random.pick<Array<[string, string]>>([[], [["q", "a"]], [["status", "ACTIVE"]], [["after", "x"]], [["tab", "x"]]]);
  return [];
}

function mutate(draft: Draft, mutation: Mutation, route: AppRoute, random: Random): void {
  const params = draft.body?.kind === "form" ? draft.body.fields : draft.query;
  const someParam = (): [string, string] => {
    if (!params.length) params.push([random.pick(["x", "q", "state", "client_id"]), "v"]);
    return random.pick(params);
  };
  switch (mutation) {
    case "method":
      draft.method = random.pick(ODD_METHODS);
      break;
    case "path escape": {
      const at = random.int(0, draft.segments.length);
      const bad = random.pick(BAD_ESCAPES);
      if (at < draft.segments.length && random.chance(0.7)) draft.segments[at] = random.chance(0.5) ? bad : `${draft.segments[at]}${bad}`;
      else draft.segments.splice(at, 0, bad);
      break;
    }
    case "query escape": {
      const bad = random.pick(BAD_ESCAPES);
      if (random.chance(0.3)) draft.query.push([`${random.word(2)}${bad}`, "1"]);
      else draft.query.push([someParam()[0], `${random.word(3)}${bad}`]);
      if (random.chance(0.3)) draft.query.push(["", ""], ["=", "="]);
      break;
    }
    case "duplicate params": {
      const source = params.length ? params : draft.query;
      for (const [name, value] of [...source]) if (random.chance(0.6)) source.push([name, random.chance(0.5) ? value : `${value}x`]);
      if (draft.body?.kind === "json") draft.body.text = draft.body.text.replace(/^\{/, '{"fuzz":1,"fuzz":2,"name":"a","name":"b",');
      break;
    }
    case "invalid UTF-8": {
      const bytes = random.pick(INVALID_UTF8);
      const where = random.int(0, 3);
      if (where === 0) draft.query.push([someParam()[0], bytes]); // raw bytes in the request-target
      else if (where === 1) draft.headers.push([random.pick(["Cookie", "User-Agent", "X-Forwarded-For", "Accept-Language", "Authorization"]), `sid=${bytes}`]);
      else if (where === 2) draft.body = { kind: "raw", bytes: Buffer.from(`${draft.body?.kind === "json" ? '{"username":"' : "username="}${bytes}`, "latin1") };
      else someParam()[1] = `${encodeBytes(bytes)}`;
      break;
    }
    case "NUL": {
      const where = random.int(0, 2);
      if (where === 0) someParam()[1] += "%00";
      else if (where === 1) draft.body = { kind: "raw", bytes: Buffer.from(draft.body?.kind === "json" ? '{"username":"a\u0000","password":"\u0000"}' : "username=a\u0000&password=\u0000", "latin1") };
      else draft.query.push(["x", "\u0000"]); // raw NUL in the request-target: Node's parser refuses it
      break;
    }
    case "CR/LF/TAB": {
      // Every parameter of the route at once, or one of them (raw TAB in form bodies too).
      const control = random.pick(CONTROLS);
      if (!params.length) someParam();
      for (const param of params) if (params.length === 1 || random.chance(0.5)) param[1] = random.chance(0.5) ? `${param[1]}${control}` : `${control}${param[1]}`;
      if (draft.body?.kind === "form" && random.chance(0.3)) draft.body.fields.push(["state", "a\tb\r\nc"]);
      if (draft.body?.kind === "json") draft.body.text = draft.body.text.replace(/"}$/, '\\r\\n\\t\\u0000"}').replace(/^\{/, '{"x":"\\r\\n\\t",');
      break;
    }
    case "content type": {
      draft.headers = draft.headers.filter(([name]) => name.toLowerCase() !== "content-type");
      const type = random.pick(CONTENT_TYPES);
      if (type) draft.headers.push(["Content-Type", type]);
      if (random.chance(0.3)) draft.headers.push(["Content-Type", random.pick(CONTENT_TYPES) || "text/plain"]);
      if (!draft.body) draft.body = { kind: "raw", bytes: Buffer.from(random.pick(["a=b", '{"a":1}', "<x/>", ""])) };
      if (draft.method === "GET" || draft.method === "HEAD") draft.method = "POST";
      break;
    }
    case "multipart": {
      const boundary = random.pick(["xx", "----fuzz", "a".repeat(100)]);
      draft.headers = draft.headers.filter(([name]) => name.toLowerCase() !== "content-type");
      draft.headers.push(["Content-Type", random.pick([`multipart/form-data; boundary=${boundary}`, "multipart/form-data", `multipart/form-data; boundary="${boundary}"`, "multipart/mixed; boundary=xx"])]);
      const valid = `--${boundary}\r\nContent-Disposition: form-data; name="grant_type"\r\n\r\nclient_credentials\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`;
      draft.body = { kind: "raw", bytes: Buffer.from(random.pick([valid, "garbage", `--${boundary}\r\n`, `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx`, valid.slice(0, 40), ""]), "latin1") };
      draft.method = random.chance(0.85) ? "POST" : random.pick(["PUT", "PATCH", "DELETE"]);
      break;
    }
    case "origin":
      draft.headers.push(["Origin", random.pick(ORIGINS)]);
      if (random.chance(0.3)) draft.headers.push(["Origin", "http://other.example"]);
      if (route.kind === "page" || random.chance(0.3)) draft.method = "POST";
      if (route.kind === "page" && random.chance(0.7)) draft.headers.push(["Next-Action", random.pick(["abc", "0".repeat(42), `40${random.word(40)}`])]);
      break;
    case "host":
      draft.headers.unshift(["Host", random.pick(HOSTS)]);
      if (random.chance(0.5)) draft.headers.push([random.pick(["X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-For", "Forwarded", "X-Forwarded-Port"]), random.pick(["[x", "::", "a,b,,", "\xff", "1.2.3.4, evil", "for=\"[::1", "http://x"])]);
      if (random.chance(0.2)) draft.headers.push(["Host", "second.example"]);
      break;
    case "cookie":
      draft.headers.push([
        "Cookie",
        random.pick(["sid=%zz", "sid=a; sid=b", "=; ;;", "sid", "authz_ftx1=\"unterminated", "signin_csrf=a.b.c; sid=" + "x".repeat(4000), "%ff=%ff", "sid=\xff\xfe", `a=${"b".repeat(7000)}`, "__Host-x=1; $Version=1"]),
      ]);
      if (random.chance(0.3)) draft.headers.push(["Cookie", "sid=second"]);
      break;
    case "huge headers": {
      const kind = random.int(0, 3);
      if (kind === 0) draft.headers.push(["X-Fuzz", "a".repeat(random.int(4_000, 12_000))]); // within Node's 16 KiB
      else if (kind === 1) for (let i = 0; i < 90; i++) draft.headers.push([`X-Fuzz-${i}`, "v".repeat(40)]);
      else if (kind === 2) draft.headers.push(["Cookie", `sid=${"c".repeat(random.int(17_000, 40_000))}`]); // beyond it: 431
      else draft.headers.push(["Referer", `http://x/${"r".repeat(20_000)}`]);
      break;
    }
    case "deep JSON": {
      const depth = random.pick([100, 1_000, 5_000, 20_000]);
      const text = random.chance(0.5) ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
      draft.body = { kind: "json", text };
      draft.headers = draft.headers.filter(([name]) => name.toLowerCase() !== "content-type");
      draft.headers.push(["Content-Type", "application/json"]);
      if (draft.method === "GET" || draft.method === "HEAD" || draft.method === "OPTIONS") draft.method = route.methods.includes("PUT") && random.chance(0.3) ? "PUT" : "POST";
      break;
    }
    case "server action":
      break;
  }
}

/** A POST to a page as a server action: real and made-up ids, bodies React never sends, any Origin. */
function serverAction(page: AppRoute, context: FuzzContext, random: Random): FuzzRequest {
  const segments = page.pattern.split("/").filter(Boolean).map((segment) => (/^\[.+\]$/.test(segment) ? `Fuzz${random.word(8)}` : segment));
  const headers: Array<[string, string]> = [["Accept", "text/x-component"]];
  const id = random.pick([...context.actionIds, ...context.actionIds, "abc", "0".repeat(42), "7f" + "0".repeat(40), ""]);
  if (random.chance(0.9)) headers.push(["Next-Action", id]);
  const origin = random.pick([`http://${context.host}`, `http://${context.host}`, null, ...ORIGINS]);
  if (origin !== null) headers.push(["Origin", origin]);
  if (random.chance(0.3)) headers.push(["Next-Router-State-Tree", random.pick(["%zz", "[[[", encodeURIComponent('["",{"children":["admin",{}]}]')])]);
  if (random.chance(0.3)) headers.push(["Cookie", random.pick(["sid=fuzz", "sid=%zz", "sid=a; sid=b"])]);
  const boundary = "----fuzzBoundary";
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const bodies: Array<[string, string]> = [
    ["text/plain;charset=UTF-8", "[{}]"],
    ["text/plain;charset=UTF-8", "[1,2,3]"],
    ["text/plain;charset=UTF-8", "[]"],
    ["text/plain;charset=UTF-8", "[null]"],
    ["text/plain;charset=UTF-8", "garbage"],
    ["text/plain;charset=UTF-8", "{{{"],
    ["text/plain;charset=UTF-8", '["$K1"]'],
    ["text/plain;charset=UTF-8", '["$@0"]'],
    ["text/plain;charset=UTF-8", '["$Q0"]'],
    ["text/plain;charset=UTF-8", '["$h1"]'],
    ["text/plain;charset=UTF-8", '["$F1"]'],
    ["text/plain;charset=UTF-8", '["$T"]'],
    ["text/plain;charset=UTF-8", `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["text/plain;charset=UTF-8", ""],
    [`multipart/form-data; boundary=${boundary}`, `${part("1_$ACTION_ID_" + id, "")}${part("0", '["$K1"]')}--${boundary}--\r\n`],
    [`multipart/form-data; boundary=${boundary}`, `${part("1__action", "deleteUser")}${part("1_id", "00uX")}${part("0", '["$K1"]')}--${boundary}--\r\n`],
    [`multipart/form-data; boundary=${boundary}`, `${part("0", '[{},"$K1"]')}${part("1_1", "x")}--${boundary}--\r\n`],
    [`multipart/form-data; boundary=${boundary}`, "garbage"],
    [`multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n`],
    ["multipart/form-data", "x"],
    ["application/x-www-form-urlencoded", "%zz=%ff&$ACTION_ID_x="],
    ["application/json", '{"a":1}'],
  ];
  const [type, body] = random.pick(bodies);
  headers.push(["Content-Type", type]);
  return { routeClass: "server action", pattern: page.pattern, mutation: "server action", raw: { method: "POST", target: `/${segments.join("/")}`, headers, body: Buffer.from(body, "latin1") } };
}

/** Bytes as %XX escapes. */
function encodeBytes(bytes: string): string {
  return [...bytes].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");
}

/**
 * The draft as bytes. Parameters are encoded with encodeURIComponent, except those a mutation made
 * hostile on purpose: holding "%" (its own escapes) or raw control or non-ASCII bytes (sent as is).
 */
function serialise(draft: Draft): RawRequest {
  const encode = (text: string) => (/[%\x00-\x1f\x7f-\xff]/.test(text) ? text : encodeURIComponent(text));
  const pairs = (list: Array<[string, string]>) => list.map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
  const path = `/${draft.segments.join("/")}`;
  const target = draft.query.length ? `${path}?${pairs(draft.query)}` : path;
  let body: Buffer | undefined;
  if (draft.body?.kind === "form") body = Buffer.from(pairs(draft.body.fields), "latin1");
  else if (draft.body?.kind === "json") body = Buffer.from(draft.body.text, "utf8");
  else if (draft.body?.kind === "raw") body = draft.body.bytes;
  return { method: draft.method, target, headers: draft.headers, body };
}
