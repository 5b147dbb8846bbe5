import { SMTPServer, type SMTPServerOptions } from "smtp-server";

/** A message as the test's SMTP server received it. */
export type ReceivedMail = {
  envelopeFrom: string;
  envelopeTo: string[];
  /** the session was TLS (implicit or after STARTTLS) */
  secure: boolean;
  /** the user that logged in, if any */
  user: string | null;
  raw: string;
  /** header names lower-cased, values unfolded and MIME-decoded */
  headers: Map<string, string>;
  text: string;
  html: string;
};

export type SmtpTestServer = { port: number; received: ReceivedMail[]; close(): Promise<void> };

export type SmtpTestServerOptions = {
  /** listen on this port (0: any free one) */
  port?: number;
  /** a certificate: STARTTLS offered (or, with `implicitTls`, TLS from the start); none: STARTTLS not offered */
  tls?: { key: string; cert: string };
  implicitTls?: boolean;
  /** accept only this login; none: no AUTH */
  login?: { user: string; pass: string };
  /** the SMTP reply code to refuse a recipient with */
  refuseRecipient?: (address: string) => number | null;
};

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / ?B?), as nodemailer writes non-ASCII headers. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=\s*(?==\?)?/gi, (_, _charset: string, encoding: string, data: string) =>
    encoding.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const input = value.replace(/=\r?\n/g, "");
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=" && /^[0-9A-F]{2}$/i.test(input.slice(i + 1, i + 3))) {
      bytes.push(parseInt(input.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(input[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** Headers and the text and HTML parts of a multipart/alternative message (what nodemailer writes for text + html). */
export function parseMessage(raw: string): Pick<ReceivedMail, "headers" | "text" | "html"> {
  const split = raw.indexOf("\r\n\r\n");
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  let text = "";
  let html = "";
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [body];
  for (const part of parts) {
    const trimmed = part.replace(/^\r\n/, "");
    const at = trimmed.indexOf("\r\n\r\n");
    const partHeaders = boundary ? parseHeaders(trimmed.slice(0, at)) : headers;
    const content = decodeBody(partHeaders, boundary ? trimmed.slice(at + 4).replace(/\r\n$/, "") : body).replace(/\r\n/g, "\n");
    if ((partHeaders.get("content-type") ?? "").startsWith("text/html")) html = content;
    else text = content;
  }
  return { headers, text, html };
}

/** A real SMTP server (the smtp-server package) on 127.0.0.1 that keeps what it receives. */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const config: SMTPServerOptions = {
    secure: options.implicitTls === true,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    disabledCommands: [...(options.tls ? [] : ["STARTTLS"]), ...(options.login ? [] : ["AUTH"])],
    authOptional: !options.login,
    // the login is refused on a plain connection: nodemailer must have upgraded first
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, session, callback) {
      if (options.login && auth.username === options.login.user && auth.password === options.login.pass) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onRcptTo(address, session, callback) {
      const code = options.refuseRecipient?.(address.address) ?? null;
      if (code) return callback(Object.assign(new Error(`No such recipient here`), { responseCode: code }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: typeof session.user === "string" ? session.user : null,
          raw,
          ...parseMessage(raw),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(config);
  server.on("error", () => {}); // a client that drops the connection is not the test's failure
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
