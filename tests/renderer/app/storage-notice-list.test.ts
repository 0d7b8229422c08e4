/**
 * The app's storage notices (renderer/src/app/storage-notice-list.ts): what the host found at start and
 * what it reports later can arrive in either order; each file's notice is shown once, none is lost.
 */
import { describe, expect, it } from 'vitest';
import { mergeNotices } from '../../../renderer/src/app/storage-notice-list';
import type { StorageNotice } from '../../../preload/contract/storage-notice';

const moved = (file: string, movedTo: string): StorageNotice => ({
  kind: 'moved',
  problem: 'not-json',
  file,
  movedTo,
  why: { code: 'empty' },
  message: `${file} could not be read (the file is empty); it was moved, unchanged, to ${movedTo}`,
});
const DRAFT = moved('wrap-up-draft.json', '/data/drafts/wrap-up-draft.corrupt-1.json');
const DAY = moved('2026-11.json', '/data/sessions/2026-11.corrupt-1.json');
const SETTINGS: StorageNotice = {
  kind: 'settings-repaired',
  replaced: [],
  unknownOnly: false,
  backupPath: '/data/settings.json.bak-1',
  message: 'Settings file had invalid values (the whole file); …',
};

describe('the storage notices shown', () => {
  it('keep a notice reported before the start-up answer arrived, after the start-up ones', () => {
    const reportedFirst = mergeNotices([], [DAY]);
    expect(mergeNotices([SETTINGS, DRAFT], reportedFirst)).toEqual([SETTINGS, DRAFT, DAY]);
  });

  it('show a notice reported twice only once (the same sentence from the host, a copy or not)', () => {
    const shown = mergeNotices([SETTINGS], [DAY]);
    expect(mergeNotices(shown, [{ ...DAY }])).toEqual([SETTINGS, DAY]);
    expect(mergeNotices([SETTINGS, DAY], [SETTINGS, DAY])).toEqual([SETTINGS, DAY]);
  });

  it('stay the same list when nothing new arrives (nothing on screen moves)', () => {
    const shown = [SETTINGS];
    expect(mergeNotices(shown, [{ ...SETTINGS }])).toBe(shown);
  });
});
