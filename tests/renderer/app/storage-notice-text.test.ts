/**
 * A storage notice's line in the agent's language (renderer/src/app/storage-notice-text.ts): the host
 * reports what it found (a cut-off wrap-up draft, a log written by a newer Calm Line, a damaged settings
 * file) as data, over the same handlers and events the page uses, and the page says it in German — the
 * file's name and where it is now as they are, everything else in the catalogue's words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/host/handlers';
import { forwardServiceEvents } from '../../../main/host/host-events';
import { openHostServices } from '../../../main/host/host-services';
import { BROWSER_HOST_FEATURES } from '../../../main/host/host-features';
import type { StorageNotice } from '../../../preload/contract/storage-notice';
import { describeStorageNotice } from '../../../renderer/src/app/storage-notice-text';
import { tempDirs } from '../../main/support/temp-dirs';
import { intlForLocale } from '../../support/intl-for-locale';

const dirs = tempDirs('storage-notice-text');
const toClose: (() => void)[] = [];
afterEach(() => {
  for (const close of toClose.splice(0)) close();
  dirs.cleanup();
});

const german = intlForLocale('de');

function open(dataDir: string) {
  const services = openHostServices({
    dataDir,
    host: 'browser',
    features: BROWSER_HOST_FEATURES,
    exportTargets: { choose: async () => null },
  });
  toClose.push(() => services.sessions.close());
  return services;
}

async function noticesAtStart(dataDir: string): Promise<StorageNotice[]> {
  const answer = await createHandlers(open(dataDir)).getStorageNotices(undefined);
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}

describe('the storage notice in German', () => {
  it('says a damaged settings file was repaired, and where the original is', async () => {
    const dataDir = dirs.make();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), 'not json at all', 'utf8');
    const [notice] = await noticesAtStart(dataDir);
    const line = describeStorageNotice(notice, german);
    expect(line).toMatch(
      /^Die Einstellungsdatei war nicht verwendbar: Alle Einstellungen sind wieder auf Standard, das Original liegt unter .*settings\.json\.bak-/,
    );
    expect(line).toContain(dataDir);
    // The log keeps the host's English sentence.
    expect(notice.message).toMatch(/^Settings file had invalid values \(the whole file\)/);
  });

  it('says a wrap-up draft cut off mid-write was moved, why, and where to', async () => {
    const dataDir = dirs.make();
    open(dataDir).sessions.close();
    const draft = path.join(dataDir, 'drafts', 'wrap-up-draft.json');
    fs.mkdirSync(path.dirname(draft), { recursive: true });
    fs.writeFileSync(draft, '', 'utf8');
    const services = open(dataDir);
    const reported: StorageNotice[] = [];
    forwardServiceEvents(services, (event, payload) => {
      if (event === 'storage-notice') reported.push(payload as StorageNotice);
    });
    expect(services.sessions.drafts.get()).toBeNull();
    expect(reported).toHaveLength(1);
    const [notice] = reported;
    if (notice.kind !== 'moved') throw new Error('expected a moved file');
    expect(describeStorageNotice(notice, german)).toBe(
      `wrap-up-draft.json konnte nicht gelesen werden (die Datei ist leer); die Datei wurde unverändert nach ${notice.movedTo} verschoben`,
    );
    expect(fs.existsSync(notice.movedTo)).toBe(true);
    expect(describeStorageNotice(notice)).toBe(notice.message);
  });
});
