import { Agent, request as httpRequest } from "node:http";
import { performance } from "node:perf_hooks";

export type LoadRequest = { method?: string; path: string; headers?: Record<string, string>; body?: string };

/** One kind of request; `request` may be a function for bodies that change (a new jti, a new login). */
export type LoadTarget = { name: string; request: LoadRequest | (() => LoadRequest) };

/** What happened to one request. `at` is Date.now() when it was sent; status 0 means no response. */
export type LoadRecord = {
  target: string;
  origin: string;
  at: number;
  latencyMs: number;
  status: number;
  /** ECONNRESET, ECONNREFUSED, TIMEOUT (no answer within requestTimeoutMs)... */
  error?: string;
  retryAfter?: string;
  contentType?: string;
  /** The first 4 KiB of the body: of every response with keepBodies "all", else of non-2xx ones. */
  body?: string;
};

export type LoadOptions = {
  /** Servers to spread the requests over (round robin); only 127.0.0.1 or localhost. */
  origins: string[];
  /** Requests to cycle through (round robin). */
  targets: LoadTarget[];
  /** Requests in flight at once (one keep-alive connection each, per origin). */
  concurrency: number;
  /** Bounds: the load stops at whichever comes first, or at stop(). */
  durationMs: number;
  maxRequests: number;
  /** Starts per second over all workers (default: as fast as the answers come). */
  ratePerSecond?: number;
  /** A request with no complete answer by then is aborted and recorded as TIMEOUT (default 30 s). */
  requestTimeoutMs?: number;
  keepBodies?: "non-2xx" | "all";
};

export type LoadRun = {
  /** Filled as answers arrive. */
  records: LoadRecord[];
  /** Ends the load; resolves once the requests in flight are answered (or time out). */
  stop(): Promise<LoadRecord[]>;
  /** Resolves when a bound is reached or after stop(). */
  done: Promise<LoadRecord[]>;
};

const BODY_LIMIT = 4096;

/**
 * A bounded load generator on plain keep-alive http.Agents: `concurrency` workers each send one
 * request at a time, cycling through targets and origins, and record status, latency,
 * Retry-After and connection errors of every request.
 */
export function startLoad(options: LoadOptions): LoadRun {
  for (const origin of options.origins) assertLoopback(origin);
  const agents = new Map(options.origins.map((origin) => [origin, new Agent({ keepAlive: true, maxSockets: options.concurrency })]));
  const records: LoadRecord[] = [];
  const endsAt = Date.now() + options.durationMs;
  const interval = options.ratePerSecond ? 1000 / options.ratePerSecond : 0;
  let sent = 0;
  let stopped = false;
  let nextSlot = performance.now();

  const worker = async (index: number) => {
    for (let i = index; !stopped && sent < options.maxRequests && Date.now() < endsAt; i += options.concurrency) {
      if (interval) {
        const slot = Math.max(nextSlot, performance.now());
        nextSlot = slot + interval;
        await sleep(slot - performance.now());
        if (stopped || Date.now() >= endsAt || sent >= options.maxRequests) break;
      }
      sent += 1;
      const target = options.targets[i % options.targets.length]!;
      const origin = options.origins[Math.floor(i / options.targets.length) % options.origins.length]!;
      const request = typeof target.request === "function" ? target.request() : target.request;
      const { record } = await send(origin, request, { agent: agents.get(origin)!, timeoutMs: options.requestTimeoutMs ?? 30_000, keepBody: options.keepBodies === "all" ? "always" : "non-2xx" });
      records.push({ ...record, target: target.name });
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency }, (_, index) => worker(index))).then(() => {
    for (const agent of agents.values()) agent.destroy();
    return records;
  });
  return {
    records,
    done,
    stop() {
      stopped = true;
      return done;
    },
  };
}

export type SendOptions = { agent?: Agent; timeoutMs?: number; keepBody?: "always" | "non-2xx" };

/** One request over `agent` (default: a new connection); resolves with its record and whole body, never rejects. */
export function send(origin: string, request: LoadRequest, options: SendOptions = {}): Promise<{ record: LoadRecord; text: string }> {
  assertLoopback(origin);
  const url = new URL(request.path, origin);
  const at = Date.now();
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (fields: Partial<LoadRecord>, text = "") => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const record: LoadRecord = { target: request.path, origin, at, latencyMs: performance.now() - started, status: 0, ...fields };
      resolve({ record, text });
    };
    const req = httpRequest(url, { method: request.method ?? "GET", headers: request.headers, agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error: NodeJS.ErrnoException) => finish({ status: 0, error: error.code ?? error.message }));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString();
        const keep = options.keepBody === "always" || status < 200 || status >= 300;
        finish(
          {
            status,
            retryAfter: header(res.headers["retry-after"]),
            contentType: header(res.headers["content-type"]),
            body: keep ? text.slice(0, BODY_LIMIT) : undefined,
          },
          text,
        );
      });
    });
    const timer = setTimeout(() => {
      finish({ status: 0, error: "TIMEOUT" });
      req.destroy();
    }, options.timeoutMs ?? 30_000);
    req.on("error", (error: NodeJS.ErrnoException) => finish({ status: 0, error: error.code ?? error.message }));
    req.end(request.body);
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function assertLoopback(origin: string): void {
  const { hostname } = new URL(origin);
  if (hostname !== "127.0.0.1" && hostname !== "localhost") throw new Error(`load only goes to 127.0.0.1, not ${origin}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
