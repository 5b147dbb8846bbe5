import { connect } from "node:net";
import { performance } from "node:perf_hooks";

/** A request as bytes on the wire: whatever a hostile client can send, not what an HTTP client allows. */
export type RawRequest = {
  method: string;
  /** request-target as bytes (latin1: one char per byte), sent as is */
  target: string;
  /** name and value as bytes (latin1), in order, duplicates allowed; Host is added unless given */
  headers: Array<[string, string]>;
  body?: Buffer;
};

export type RawAnswer = {
  /** 0: no response (connection closed, or TIMEOUT) */
  status: number;
  /** lower-cased names, every value */
  headers: Record<string, string[]>;
  latencyMs: number;
  error?: string;
  /** the first 512 bytes of the body */
  bodyStart: string;
};

/** Sends one request on a new connection to 127.0.0.1:port (Connection: close) and reads the whole answer. */
export function sendRaw(port: number, request: RawRequest, timeoutMs: number): Promise<RawAnswer> {
  const headers = request.headers.some(([name]) => name.toLowerCase() === "host") ? request.headers : [["Host", `127.0.0.1:${port}`] as [string, string], ...request.headers];
  const lines = [`${request.method} ${request.target} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`), "Connection: close"];
  if (request.body && !headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name))) lines.push(`Content-Length: ${request.body.length}`);
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect({ host: "127.0.0.1", port });
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseAnswer(Buffer.concat(chunks)), latencyMs: performance.now() - started, ...(error ? { error } : {}) });
    };
    const timer = setTimeout(() => finish("TIMEOUT"), timeoutMs);
    socket.on("connect", () => {
      socket.write(head);
      if (request.body) socket.write(request.body);
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => finish());
    socket.on("close", () => finish());
    socket.on("error", (error: NodeJS.ErrnoException) => finish(chunks.length ? undefined : (error.code ?? error.message)));
  });
}

/** Status line and headers of an HTTP/1.1 answer (status 0 when there is none). */
export function parseAnswer(bytes: Buffer): Omit<RawAnswer, "latencyMs" | "error"> {
  const end = bytes.indexOf("\r\n\r\n");
  const head = bytes.subarray(0, end === -1 ? bytes.length : end).toString("latin1");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  return { status: status ? Number(status[1]) : 0, headers, bodyStart: end === -1 ? "" : bytes.subarray(end + 4, end + 4 + 512).toString("utf8") };
}
