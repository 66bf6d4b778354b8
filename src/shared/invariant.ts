/** For conditions that cannot happen unless the code is wrong; never for user input. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant violation: ${message}`);
}

/** Makes a `switch` over a union exhaustive at compile time. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
