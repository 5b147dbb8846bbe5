// @ts-check
// Lingering close (RFC 9112 9.6) for `npm start`'s server (lib/cli/server.mjs). Plain JavaScript
// because that server runs without a TypeScript loader.

/** How long a closing connection may go on reading (and dropping) a body nobody will read. */
export const LINGER_MS = 2_000;

/**
 * Call for every request. When its response finishes before the request's body was read to the
 * end (a 413 for a body over the limit, an early error) and the connection is to close, Node would
 * close the socket at once with that body still arriving: the kernel then answers with a reset,
 * which can destroy the response on its way to the client. Instead the connection is half-closed
 * (the response and a FIN go out), the rest of the body is read and dropped (memory stays flat),
 * and the socket is destroyed when the client closes its side or after `lingerMs`.
 * Relies on Node closing such a socket through `destroySoon()`, which destroys it on 'finish';
 * should that change, this does nothing and Node's own close applies.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {number} [lingerMs]
 */
export function closeAfterDraining(request, response, lingerMs = LINGER_MS) {
  const socket = request.socket; // Node detaches it from the request once the response is done
  response.once("finish", () => {
    if (request.complete || socket.destroyed || socket.writable) return; // read to the end, or the connection stays open
    socket.removeListener("finish", socket.destroy); // Node's destroySoon(): destroy once the FIN is out
    request.resume(); // drop the rest of the body
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    socket.once("end", done);
    socket.once("close", () => clearTimeout(timer));
  });
}
