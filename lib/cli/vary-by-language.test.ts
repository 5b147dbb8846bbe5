import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { varyByLanguage } from "./vary-by-language.mjs";

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => (server.closeAllConnections(), server.close())));

/** A server answering as Next.js does for a page: its own Vary set late, then the body; `explicit`: with writeHead. */
async function pageServer(explicit: boolean, vary: string | null): Promise<number> {
  const server = createServer((req, res) => {
    varyByLanguage(req, res);
    if (vary) res.setHeader("Vary", vary);
    if (explicit) res.writeHead(200, { "Content-Type": "text/html" });
    res.end("<html></html>");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("varyByLanguage", () => {
  it.each([
    ["/signin?request=ftx1", true, "rsc, next-router-state-tree", "rsc, next-router-state-tree, Accept-Language"],
    ["/signin/factor?return_to=%2Fadmin", false, "rsc", "rsc, Accept-Language"],
    ["/consent", false, null, "Accept-Language"],
    ["/consent", true, "Accept-Language", "Accept-Language"],
    ["/admin", false, "rsc", "rsc"],
    ["/signin/submit", true, null, null],
    ["/", false, null, "Accept-Language"],
    ["/about", false, null, null],
  ])("%s (writeHead %s, Vary %s) -> %s", async (path, explicit, vary, expected) => {
    const port = await pageServer(explicit, vary);
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    await res.text();
    expect(res.headers.get("vary")).toBe(expected);
  });
});
