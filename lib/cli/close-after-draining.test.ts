import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { closeAfterDraining } from "./close-after-draining.mjs";

const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => (server.closeAllConnections(), server.close())));

/** A server that reads the first chunk of a POST's body, stops reading and answers 413 with Connection: close. */
async function refusingServer(lingerMs: number): Promise<number> {
  const server = createServer((req, res) => {
    closeAfterDraining(req, res, lingerMs);
    req.once("data", () => {
      req.pause();
      res.writeHead(413, { Connection: "close", "Content-Type": "text/plain" });
      res.end("too large");
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * A raw client that sends a chunked body as fast as the connection takes it, before and after the
 * answer, until the server closes the connection. Resolves with the answer's first line and how
 * long after it the connection closed.
 */
function streamPastTheAnswer(port: number): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, allowHalfOpen: true });
    let received = "";
    let answeredAt = 0;
    const chunk = Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from("\r\n")]);
    const pump = () => {
      while (!socket.destroyed) {
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    socket.on("connect", () => {
      socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
      pump();
    });
    socket.on("data", (data) => {
      received += data.toString();
      if (!answeredAt && received.includes("\r\n\r\n")) answeredAt = Date.now();
    });
    socket.on("error", () => undefined); // EPIPE / ECONNRESET once the server closed
    socket.on("close", () => resolve({ answer: received.split("\r\n")[0]!, closedAfterMs: Date.now() - answeredAt }));
  });
}

describe("closeAfterDraining", () => {
  it("answers a client still sending its body, reads and drops what it sends on for lingerMs, then closes", async () => {
    const port = await refusingServer(500);
    for (let i = 0; i < 5; i++) {
      const { answer, closedAfterMs } = await streamPastTheAnswer(port);
      expect(answer).toBe("HTTP/1.1 413 Payload Too Large");
      expect(closedAfterMs).toBeGreaterThanOrEqual(400);
      expect(closedAfterMs).toBeLessThan(1_500);
    }
  });
});
