/** The body of a request is longer than its endpoint accepts. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

const utf8 = new TextDecoder(); // like Request.text(): UTF-8, a leading BOM dropped, bad bytes replaced

/**
 * Reads a request body as text, at most `maxBytes` of it, before anything else looks at the request
 * (authentication included), so an unauthenticated client cannot make the server hold more than
 * that per request. A declared Content-Length over the limit fails before a byte is read; a body
 * that grows past the limit while streaming (chunked, or a Content-Length that lies) is cancelled
 * at once, holding at most the limit plus one chunk. Throws BodyTooLargeError.
 */
export async function readLimitedBody(body: ReadableStream<Uint8Array> | null, contentLength: string | null, maxBytes: number): Promise<string> {
  return utf8.decode(await readLimitedBytes(body, contentLength, maxBytes));
}

/** readLimitedBody's bytes, undecoded (a multipart upload carries binary files). */
export async function readLimitedBytes(body: ReadableStream<Uint8Array> | null, contentLength: string | null, maxBytes: number): Promise<Uint8Array> {
  if (contentLength !== null && /^\d+$/.test(contentLength.trim()) && Number(contentLength) > maxBytes) {
    await body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes);
  }
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : new Uint8Array(Buffer.concat(chunks));
}
