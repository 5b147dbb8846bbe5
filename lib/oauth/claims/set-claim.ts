/**
 * Adds a claim as an own, enumerable property. Plain assignment would treat a claim named
 * `__proto__` as the object's prototype; defining the property keeps it an ordinary claim.
 */
export function setClaim(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
