/**
 * The running shell follows the language setting without a restart: setupDesktopShell (main/shell/desktop)
 * over a stand-in for Electron's tray, menu and shortcut objects, the real settings and desktop-state
 * services. The agent picks Deutsch in Settings: the tray's tooltip and menu and the application menu are
 * rebuilt in German at once; "System" goes back to the system's language.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
/** The part of Electron's menu template read here (the test imports nothing from Electron). */
interface TemplateItem {
  readonly label?: string;
  readonly submenu?: unknown;
}
interface FakeMenu {
  readonly template: TemplateItem[];
}
const shown = vi.hoisted(() => ({
  tooltip: '',
  trayMenu: null as FakeMenu | null,
  appMenu: null as FakeMenu | null,
}));

vi.mock('electron', () => {
  const image = { addRepresentation: () => undefined };
  class Tray {
    on(): void {}
    setImage(): void {}
    setToolTip(text: string): void {
      shown.tooltip = text;
    }
    setContextMenu(menu: FakeMenu): void {
      shown.trayMenu = menu;
    }
    destroy(): void {}
  }
  return {
    app: { isPackaged: true, getName: () => 'Calm Line', setAppUserModelId: () => undefined },
    Menu: {
      buildFromTemplate: (template: TemplateItem[]): FakeMenu => ({ template }),
      setApplicationMenu: (menu: FakeMenu) => {
        shown.appMenu = menu;
      },
    },
    Tray,
    nativeImage: { createFromBuffer: () => image, createEmpty: () => image },
    globalShortcut: { register: () => true, unregisterAll: () => undefined },
    Notification: { isSupported: () => false },
    screen: { on: () => undefined, off: () => undefined, getAllDisplays: () => [] },
  };
});

const { setupDesktopShell } = await import('../../../../main/shell/desktop/desktop-shell');
const { createSettingsService } = await import('../../../../main/settings/settings-service');
const { openSettingsStore } = await import('../../../../main/settings/settings-store');
const { createDesktopStateService } =
  await import('../../../../main/desktop/desktop-state-service');
const { tempDirs } = await import('../../support/temp-dirs');

const dirs = tempDirs('desktop-shell-language');

/** Every label in a menu template, depth first. */
function labels(menu: FakeMenu | null): string[] {
  const walk = (items: readonly TemplateItem[]): string[] =>
    items.flatMap((item) => [
      ...(item.label ? [item.label] : []),
      ...(Array.isArray(item.submenu) ? walk(item.submenu as TemplateItem[]) : []),
    ]);
  return menu ? walk(menu.template) : [];
}

function startShell(systemLanguages: string[]) {
  const dataDir = dirs.make();
  const settings = createSettingsService({ store: openSettingsStore(dataDir).store });
  const desktop = createDesktopStateService();
  const window = {
    on: () => undefined,
    isDestroyed: () => false,
    isFocused: () => true,
  } as unknown as Parameters<typeof setupDesktopShell>[0]['window'];
  const stop = setupDesktopShell({
    window,
    settings,
    desktop,
    emit: () => undefined,
    userDataDir: dataDir,
    systemLanguages,
  });
  return { settings, desktop, stop };
}

describe('the running shell and the language setting', () => {
  beforeEach(() => {
    shown.tooltip = '';
    shown.trayMenu = null;
    shown.appMenu = null;
  });

  it('relabels the tray and the application menu when the agent picks another language', () => {
    const { settings, desktop, stop } = startShell(['en-US']);
    desktop.reportCallStatus({ call: 'in-call', followUpsDue: 2 });
    expect(shown.tooltip).toBe('Calm Line — In a call · 2 follow-ups due');
    expect(labels(shown.trayMenu)).toContain('End call');
    expect(labels(shown.appMenu)).toEqual(
      expect.arrayContaining(['Edit', 'Copy', 'Mark a moment']),
    );

    settings.update({ ui: { language: 'de' } });
    expect(shown.tooltip).toBe('Calm Line — Im Gespräch · 2 Rückrufe fällig');
    expect(labels(shown.trayMenu)).toContain('Anruf beenden');
    expect(labels(shown.trayMenu)).not.toContain('End call');
    expect(labels(shown.appMenu)).toEqual(
      expect.arrayContaining(['Bearbeiten', 'Kopieren', 'Moment markieren']),
    );
    stop();
  });

  it('follows the system’s language under "System", and goes back to it', () => {
    const { settings, stop } = startShell(['fr-CA', 'en-US']);
    expect(labels(shown.trayMenu)).toContain('Afficher Calm Line');
    settings.update({ ui: { language: 'es' } });
    expect(labels(shown.trayMenu)).toContain('Mostrar Calm Line');
    settings.update({ ui: { language: 'system' } });
    expect(labels(shown.trayMenu)).toContain('Afficher Calm Line');
    stop();
  });
});
