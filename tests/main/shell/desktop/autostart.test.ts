/** Start at login on Linux: the XDG autostart entry a desktop session reads at login. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autostartDir,
  autostartEntry,
  createXdgAutostart,
  quoteExecArgument,
} from '../../../../main/shell/desktop/xdg-autostart';
import { tempDirs } from '../../support/temp-dirs';

const dirs = tempDirs('autostart');
afterEach(() => dirs.cleanup());

describe('XDG autostart', () => {
  it('writes an entry under $XDG_CONFIG_HOME/autostart that starts the AppImage, and removes it again', () => {
    const config = dirs.make();
    const item = createXdgAutostart({
      name: 'calm-line',
      appName: 'Calm Line',
      executable: '/home/agent/Apps/Calm Line.AppImage',
      env: { XDG_CONFIG_HOME: config },
    });
    expect(item.isEnabled()).toBe(false);
    item.setEnabled(true);
    const file = path.join(config, 'autostart', 'calm-line.desktop');
    expect(fs.readFileSync(file, 'utf8')).toBe(
      '[Desktop Entry]\nType=Application\nName=Calm Line\nExec="/home/agent/Apps/Calm Line.AppImage"\nTerminal=false\nX-GNOME-Autostart-enabled=true\n',
    );
    expect(item.isEnabled()).toBe(true);
    item.setEnabled(false);
    expect(fs.existsSync(file)).toBe(false);
    expect(item.isEnabled()).toBe(false);
    item.setEnabled(false); // already off: no error
  });

  it('counts an entry the user disabled in their session settings as off', () => {
    const config = dirs.make();
    const item = createXdgAutostart({
      name: 'calm-line',
      appName: 'Calm Line',
      executable: '/opt/calm-line/calm-line',
      env: { XDG_CONFIG_HOME: config },
    });
    item.setEnabled(true);
    const file = path.join(config, 'autostart', 'calm-line.desktop');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'),
    );
    expect(item.isEnabled()).toBe(false);
    fs.writeFileSync(
      file,
      `${autostartEntry('Calm Line', '/opt/calm-line/calm-line')}Hidden=true\n`,
    );
    expect(item.isEnabled()).toBe(false);
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is unset or relative', () => {
    expect(autostartDir({})).toMatch(/\.config[/\\]autostart$/);
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative/dir' })).toMatch(/\.config[/\\]autostart$/);
  });

  it('quotes the program path as the Desktop Entry Specification asks', () => {
    expect(quoteExecArgument('/opt/Calm Line/calm-line')).toBe('"/opt/Calm Line/calm-line"');
    expect(quoteExecArgument('/tmp/a"b')).toBe('"/tmp/a\\\\"b"');
    expect(quoteExecArgument('/tmp/$HOME`x`')).toBe('"/tmp/\\\\$HOME\\\\`x\\\\`"');
    expect(quoteExecArgument('/tmp/back\\slash')).toBe('"/tmp/back\\\\\\\\slash"');
    expect(quoteExecArgument('/tmp/100%')).toBe('"/tmp/100%%"');
  });

  it('refuses an entry name that could leave the autostart folder', () => {
    expect(() =>
      createXdgAutostart({ name: '../evil', appName: 'x', executable: '/bin/true' }),
    ).toThrow(/Bad autostart entry name/);
  });
});
