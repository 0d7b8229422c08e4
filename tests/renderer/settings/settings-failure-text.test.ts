/**
 * Settings that could not be saved or reset, and start at login that could not be changed, say why in
 * the agent's language: the real handlers answer with a reason (host-failure-text.ts words it), the
 * English message stays for the log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { openSettingsStore, type SettingsStore } from '../../../main/settings/settings-store';
import { createSettingsService } from '../../../main/settings/settings-service';
import { createSettingsHandlers } from '../../../main/settings/settings-handlers';
import { createDesktopStateService } from '../../../main/desktop/desktop-state-service';
import { createDesktopHandlers } from '../../../main/desktop/desktop-handlers';
import { describeHostFailure } from '../../../renderer/src/api/host-failure-text';
import { tempDirs } from '../../main/support/temp-dirs';
import { intlForLocale } from '../../support/intl-for-locale';
import { failureOf as failed } from '../../support/ipc-results';

const dirs = tempDirs('settings-failure');
afterEach(() => dirs.cleanup());

const german = intlForLocale('de');
const french = intlForLocale('fr');

/** A settings file on a disk that is full: it reads, but every write throws ENOSPC. */
function fullDiskStore(dataDir: string): SettingsStore {
  const real = openSettingsStore(dataDir).store;
  return {
    path: real.path,
    get store() {
      return real.store;
    },
    set store(_next) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
    onDidAnyChange: (callback) => real.onDidAnyChange(callback),
  };
}

describe('settings that the host could not write', () => {
  it('say in German that the disk is full, on a save and on a reset; the log hears the error', async () => {
    const logged: string[] = [];
    const service = createSettingsService({ store: fullDiskStore(dirs.make()) });
    const handlers = createSettingsHandlers(service, (line) => logged.push(line)) as IpcHandlers;

    const saved = failed(await dispatch(handlers, 'updateSettings', { ui: { compact: true } }));
    expect(
      german.formatMessage(
        { id: 'settings.not-saved' },
        { error: describeHostFailure(saved, german) },
      ),
    ).toBe(
      'Nicht gespeichert: Der Datenträger ist voll. Nichts zuvor Gespeichertes wurde geändert.',
    );
    expect(saved.message).toBe(
      'Settings not changed: the disk is full. Nothing saved before was changed.',
    );
    const reset = failed(await dispatch(handlers, 'resetSettings', undefined));
    expect(describeHostFailure(reset, german)).toBe(
      'Der Datenträger ist voll. Nichts zuvor Gespeichertes wurde geändert.',
    );
    expect(logged.join('\n')).toContain('ENOSPC');
  });
});

describe('start at login that could not be changed', () => {
  it('says in French that the system refused, or that this host cannot', async () => {
    const refusing = createDesktopHandlers(
      createDesktopStateService({
        loginItem: {
          isEnabled: () => false,
          setEnabled: () => {
            throw new Error('autostart folder is read-only');
          },
        },
      }),
    ) as IpcHandlers;
    const refused = failed(await dispatch(refusing, 'setStartAtLogin', { enabled: true }));
    expect(
      french.formatMessage(
        { id: 'settings.desktop.not-changed' },
        { error: describeHostFailure(refused, french) },
      ),
    ).toBe('Non modifié\u00a0: le système n’a pas accepté la modification.');

    const none = createDesktopHandlers(createDesktopStateService()) as IpcHandlers;
    const unsupported = failed(await dispatch(none, 'setStartAtLogin', { enabled: true }));
    expect(describeHostFailure(unsupported, french)).toBe(
      'cette version de Calm Line ne peut pas s’ouvrir à l’ouverture de session.',
    );
    expect(unsupported.message).toBe('This host cannot start Calm Line at login.');
  });
});
