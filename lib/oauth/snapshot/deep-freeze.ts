/**
 * Freezes a value and everything reachable through its own properties (objects, arrays), in place,
 * and returns it. Functions stay callable; cycles are handled.
 */
export function deepFreeze<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return value;
  const object = value as object;
  if (seen.has(object)) return value;
  seen.add(object);
  for (const key of Reflect.ownKeys(object)) {
    const descriptor = Object.getOwnPropertyDescriptor(object, key);
    if (descriptor && "value" in descriptor) deepFreeze(descriptor.value as unknown, seen);
  }
  Object.freeze(object);
  return value;
}
