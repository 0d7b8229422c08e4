/**
 * The tray, the menus and the notifications in the agent's language: what a German-speaking agent sees,
 * and which language the shell picks (relabelling the running shell: desktop-shell-language.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { shellLocale } from '../../../../main/i18n/main-locale';
import { mainText } from '../../../../main/i18n/main-text';
import { appMenuSpec } from '../../../../main/shell/menu/app-menu';
import {
  flattenMenu,
  type DesktopView,
  type MenuSpec,
} from '../../../../main/shell/menu/menu-spec';
import { trayMenu, trayTooltip } from '../../../../main/shell/tray/tray-presentation';
import { followUpNotice } from '../../../../main/shell/notifications/follow-up-notice';
import { wrapUpReminder } from '../../../../main/shell/notifications/notification-rules';

const view: DesktopView = {
  call: 'idle',
  followUpsDue: 2,
  hotkeys: [],
  alwaysOnTop: true,
  compact: false,
  startAtLogin: false,
};
const labels = (items: readonly MenuSpec[]) =>
  flattenMenu(items).flatMap((i) => ('label' in i && i.label ? [i.label] : []));
const german = mainText('de');

describe('the shell in German', () => {
  it('labels the tray menu and its tooltip in German, with German plurals', () => {
    expect(labels(trayMenu(view, german))).toEqual([
      'Kein Anruf · 2 Rückrufe fällig',
      'Calm Line zeigen',
      'Anruf starten',
      'Anruf beenden',
      'Moment markieren',
      'Nachbereitung öffnen',
      'Immer im Vordergrund',
      'Kompaktes Fenster',
      'Bei der Anmeldung starten',
      'Calm Line beenden',
    ]);
    expect(trayTooltip({ call: 'in-call', followUpsDue: 1 }, german)).toBe(
      'Calm Line — Im Gespräch · 1 Rückruf fällig',
    );
  });

  it('labels the application menu, the standard entries too', () => {
    const menu = appMenuSpec(view, {
      platform: 'darwin',
      packaged: true,
      appName: 'Calm Line',
      text: german,
    });
    expect(menu.map((m) => (m.kind === 'submenu' ? m.label : m.kind))).toEqual([
      'Calm Line',
      'Bearbeiten',
      'Anruf',
      'Ansicht',
      'Fenster',
    ]);
    expect(labels(menu)).toEqual(
      expect.arrayContaining(['Über Calm Line', 'Calm Line beenden', 'Kopieren', 'Einsetzen']),
    );
    const linux = appMenuSpec(view, {
      platform: 'linux',
      packaged: true,
      appName: 'Calm Line',
      text: german,
    });
    expect(labels([linux[0]!])).toEqual([
      'Datei',
      'Bei der Anmeldung starten',
      'Calm Line beenden',
    ]);
    // No entry is left to Electron's English label.
    const unlabelled = flattenMenu(menu).filter((i) => i.kind === 'role' && !i.label);
    expect(unlabelled).toEqual([]);
  });

  it('words notifications in German', () => {
    expect(
      wrapUpReminder(
        { call: 'in-call', followUpsDue: 0 },
        { call: 'wrap-up-pending', followUpsDue: 0 },
        false,
        german,
      ),
    ).toEqual([
      {
        title: 'Nachbereitung offen',
        body: 'Der Anruf ist beendet. Notieren Sie das Wichtige, solange es frisch ist.',
        action: 'openWrapUp',
      },
    ]);
    const due = (id: string, followUpDate: string, caseReference: string) =>
      ({ id, followUpDate, followUpDone: false, caseReference }) as never;
    expect(
      followUpNotice(
        [due('a', '2026-03-01', 'C-1'), due('b', '2026-03-02', '')],
        '2026-03-02',
        german,
      ),
    ).toEqual({ title: '2 Rückrufe sind fällig', body: '1 heute fällig, 1 überfällig — C-1' });
  });
});

describe('which language the shell speaks', () => {
  it('follows the setting, else the system’s languages; the pseudo-locale leaves it in English', () => {
    expect(shellLocale(undefined, ['de-AT', 'en-US'])).toBe('de');
    expect(shellLocale('system', ['ja-JP', 'pt-PT'])).toBe('pt-BR');
    expect(shellLocale('fr', ['de-DE'])).toBe('fr');
    expect(shellLocale('en-XA', ['de-DE'])).toBe('en');
    expect(shellLocale('system', ['ja-JP'])).toBe('en');
  });
});
