import { createServer, connect, type Server, type Socket } from "node:net";

export type Peer = { port: number; url: string; close(): Promise<void> };

async function listen(server: Server, sockets: Set<Socket>, database = "idp"): Promise<Peer> {
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/${database}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A PostgreSQL address where nothing listens any more (connection refused). */
export async function refusingAddress(): Promise<string> {
  const peer = await listen(createServer(), new Set());
  await peer.close();
  return peer.url;
}

/** A peer that accepts TCP connections and never answers: a frozen server (SIGSTOP) as clients see it. */
export function frozenPeer(): Promise<Peer> {
  return listen(createServer(), new Set());
}

/**
 * A peer that answers every startup with a FATAL ErrorResponse carrying `code` (e.g. 53300 "sorry,
 * too many clients already", 57P03 "the database system is starting up") and closes, as PostgreSQL does.
 */
export function failingPeer(code: string, message: string): Promise<Peer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    socket.once("data", () => {
      const fields = Buffer.concat([field("S", "FATAL"), field("V", "FATAL"), field("C", code), field("M", message), Buffer.from([0])]);
      const header = Buffer.alloc(5);
      header.write("E", 0);
      header.writeInt32BE(fields.length + 4, 1);
      socket.end(Buffer.concat([header, fields]));
    });
  });
  return listen(server, sockets);
}

function field(type: string, value: string): Buffer {
  return Buffer.concat([Buffer.from(type), Buffer.from(value, "utf8"), Buffer.from([0])]);
}

export type FreezableProxy = Peer & {
  /** stop forwarding in both directions (the server looks frozen: connections stay open, nothing moves) */
  freeze(): void;
  /** forward again, delivering what was held back */
  thaw(): void;
  /** stop forwarding on the connections open now only (lost without a reset, as behind a failed-over proxy); new ones work */
  stallOpen(): void;
};

/** A TCP proxy to a real PostgreSQL server (host:port of `targetUrl`) that the test can freeze. */
export async function freezableProxy(targetUrl: string): Promise<FreezableProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let frozen = false;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.on("close", () => pairs.delete(pair));
    if (frozen) {
      client.pause();
      upstream.pause();
    }
  });
  const peer = await listen(server, sockets, target.pathname.slice(1));
  const url = new URL(targetUrl);
  url.port = String(peer.port);
  return {
    ...peer,
    url: url.toString(),
    freeze() {
      frozen = true;
      for (const [a, b] of pairs) {
        a.pause();
        b.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const [a, b] of pairs) {
        a.resume();
        b.resume();
      }
    },
    stallOpen() {
      for (const [a, b] of pairs) {
        a.pause();
        b.pause();
      }
    },
  };
}
