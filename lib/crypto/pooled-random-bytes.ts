import { randomBytes, randomFillSync } from "node:crypto";

/** Bytes drawn from the CSPRNG at a time; requests above MAX_POOLED go to randomBytes directly. */
const POOL_SIZE = 4096;
const MAX_POOLED = 256;

const pool = Buffer.allocUnsafeSlow(POOL_SIZE);
let offset = POOL_SIZE; // empty: the first call fills it

/**
 * `crypto.randomBytes(size)` for the small ids made on every token request (access-token jti,
 * System Log uuid): the bytes come from a pool the CSPRNG refills 4 KiB at a time, as Node's own
 * randomUUID() does, because each randomBytes call costs a few microseconds of fixed overhead. Every
 * byte is handed out once, as a copy the caller owns.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`Invalid random byte count: ${size}`);
  if (size > MAX_POOLED) return randomBytes(size);
  if (offset + size > POOL_SIZE) {
    randomFillSync(pool); // refilled in place: what was handed out must be copies
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  offset += size;
  return bytes;
}
