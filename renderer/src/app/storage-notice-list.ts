/**
 * The storage notices shown: those the host found at start and those it reports later arrive in either
 * order, and each is shown once, where it first appeared.
 */
export function mergeNotices(
  shown: readonly string[],
  arriving: readonly string[],
): readonly string[] {
  const merged = [...new Set([...shown, ...arriving])];
  return merged.length === shown.length ? shown : merged;
}
