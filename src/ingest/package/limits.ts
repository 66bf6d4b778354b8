const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Bounds on what one package may unpack to. A zip's headers state sizes, but headers can lie,
 * so these are checked against the headers up front (cheap rejection) and again against the
 * bytes actually produced while streaming (the check that cannot be fooled).
 */
export interface PackageLimits {
  /** Entries in one package (a OneRoster 1.2 package has at most 22). */
  readonly maxEntries: number;
  /** Uncompressed bytes of one entry. */
  readonly maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  readonly maxTotalBytes: number;
  /** Uncompressed : compressed, checked for entries above `ratioCheckAboveBytes` (zip bombs). */
  readonly maxCompressionRatio: number;
  /** Small entries compress absurdly well legitimately (a header-only CSV); leave them alone. */
  readonly ratioCheckAboveBytes: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = Object.freeze({
  maxEntries: 1_000,
  maxEntryBytes: 2 * GiB,
  maxTotalBytes: 8 * GiB,
  // CSV text usually compresses 5-20:1; 200:1 is far beyond real data and well below a bomb.
  maxCompressionRatio: 200,
  ratioCheckAboveBytes: 1 * MiB,
});

export function packageLimits(overrides: Partial<PackageLimits> = {}): PackageLimits {
  return Object.freeze({ ...DEFAULT_PACKAGE_LIMITS, ...overrides });
}
