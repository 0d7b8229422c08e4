/**
 * The storage notices shown: those the host found at start and those it reports later arrive in either
 * order, and each is shown once (the same host sentence, the same file), where it first appeared.
 */
import type { StorageNotice } from '../../../preload/contract/storage-notice';

export function mergeNotices(
  shown: readonly StorageNotice[],
  arriving: readonly StorageNotice[],
): readonly StorageNotice[] {
  const seen = new Set(shown.map((notice) => notice.message));
  const merged = [...shown];
  for (const notice of arriving) {
    if (seen.has(notice.message)) continue;
    seen.add(notice.message);
    merged.push(notice);
  }
  return merged.length === shown.length ? shown : merged;
}
