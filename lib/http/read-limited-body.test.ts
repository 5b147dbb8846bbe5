import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readLimitedBody } from "./read-limited-body";

/** A body stream of the given chunks that records how many of them were pulled and whether it was cancelled. */
function streamOf(chunks: Array<string | number[]>) {
  const state = { pulled: 0, cancelled: false };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[state.pulled];
      if (next === undefined) return controller.close();
      state.pulled += 1;
      controller.enqueue(typeof next === "string" ? encoder.encode(next) : new Uint8Array(next));
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, state };
}

describe("readLimitedBody", () => {
  it.each([
    ["no body", null, null, ""],
    ["one chunk", ["a=1&b=2"], "7", "a=1&b=2"],
    ["several chunks, no length (chunked)", ["a=", "1", "&b=2"], null, "a=1&b=2"],
    ["exactly the limit", ["x".repeat(10)], "10", "x".repeat(10)],
    ["a UTF-8 character split across chunks", [[0x63, 0x61, 0x66, 0xc3], [0xa9]], null, "caf\u00e9"],
  ] as Array<[string, Array<string | number[]> | null, string | null, string]>)("%s -> the text", async (_name, chunks, length, expected) => {
    const body = chunks ? streamOf(chunks).stream : null;
    expect(await readLimitedBody(body, length, 10)).toBe(expected);
  });

  it("a declared Content-Length over the limit fails before a byte is read", async () => {
    const { stream, state } = streamOf(["x".repeat(5)]);
    await expect(readLimitedBody(stream, "11", 10)).rejects.toEqual(new BodyTooLargeError(10));
    expect(state).toEqual({ pulled: 0, cancelled: true });
  });

  it("a body that grows past the limit is cancelled at once, whatever its Content-Length says", async () => {
    for (const length of [null, "4"]) {
      const { stream, state } = streamOf(["x".repeat(6), "x".repeat(6), "x".repeat(6), "x".repeat(6)]);
      await expect(readLimitedBody(stream, length, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
      expect(state).toEqual({ pulled: 2, cancelled: true });
    }
  });
});
