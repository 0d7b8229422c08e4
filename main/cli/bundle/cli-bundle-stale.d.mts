/** Types of cli-bundle-stale.mjs. */
export function isCliBundleStale(root: string, name: string): boolean;
