/**
 * The app's storage notices (renderer/src/app/storage-notice-list.ts): what the host found at start and
 * what it reports later can arrive in either order; each file's notice is shown once, none is lost.
 */
import { describe, expect, it } from 'vitest';
import { mergeNotices } from '../../../renderer/src/app/storage-notice-list';

const DRAFT = 'The wrap-up draft could not be read; it was kept as draft.json.broken.';
const SETTINGS = 'settings.json was not JSON; it was kept as settings.json.broken.';
const DAY = 'The log of 2026-11 could not be read; it was kept as 2026-11.json.broken.';

describe('the storage notices shown', () => {
  it('keep a notice reported before the start-up answer arrived, after the start-up ones', () => {
    const reportedFirst = mergeNotices([], [DAY]);
    expect(mergeNotices([SETTINGS, DRAFT], reportedFirst)).toEqual([SETTINGS, DRAFT, DAY]);
  });

  it('show a notice reported twice only once', () => {
    const shown = mergeNotices([SETTINGS], [DAY]);
    expect(mergeNotices(shown, [DAY])).toEqual([SETTINGS, DAY]);
    expect(mergeNotices([SETTINGS, DAY], [SETTINGS, DAY])).toEqual([SETTINGS, DAY]);
  });

  it('stay the same list when nothing new arrives (nothing on screen moves)', () => {
    const shown = [SETTINGS];
    expect(mergeNotices(shown, [SETTINGS])).toBe(shown);
  });
});
