// The limits a package must respect before anything of it is stored. A zip bomb is caught three
// ways: too many entries, a declared total too large, and an entry whose compression ratio no
// real course content reaches; sizes are checked again while inflating (a header may lie).
export const PACKAGE_LIMITS = {
  /** The uploaded zip itself. */
  maxZipBytes: 1024 * 1024 * 1024,
  maxEntries: 20_000,
  /** The sum of the entries' uncompressed sizes. */
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024 * 1024,
  /** uncompressed / compressed, for entries larger than ratioFloorBytes (tiny files compress freely). */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** The manifest is read into memory to be parsed. */
  maxManifestBytes: 4 * 1024 * 1024,
  maxPathLength: 1000,
} as const;
export type TPackageLimits = { [K in keyof typeof PACKAGE_LIMITS]: number };
