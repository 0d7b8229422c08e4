/**
 * Start at login on Linux, where Electron's `app.setLoginItemSettings` does nothing: an XDG autostart
 * entry (`$XDG_CONFIG_HOME/autostart/<name>.desktop`, which GNOME, KDE, Xfce and others run at login).
 * For an AppImage the entry must start the AppImage file itself (`$APPIMAGE`), not the binary inside
 * its temporary mount.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoginItem } from '../../desktop/desktop-state-service';

export interface XdgAutostartOptions {
  /** File name without `.desktop`, e.g. 'calm-line'. */
  readonly name: string;
  readonly appName: string;
  /** Program to start: $APPIMAGE for an AppImage, else the installed executable. */
  readonly executable: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart`. */
export function autostartDir(env: NodeJS.ProcessEnv = process.env): string {
  const configHome =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(os.homedir(), '.config');
  return path.join(configHome, 'autostart');
}

/**
 * Quotes a program path for a desktop entry's Exec key (Desktop Entry Specification, "Exec key"): inside
 * double quotes, `"` `` ` `` `$` `\` take a backslash; then the string-value escape doubles every
 * backslash; a literal `%` is written `%%`.
 */
export function quoteExecArgument(argument: string): string {
  const quoted = argument.replace(/[\\"`$]/g, (c) => `\\${c}`);
  return `"${quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')}"`;
}

export function autostartEntry(appName: string, executable: string): string {
  const safeName = appName.replace(/[\r\n]/g, ' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${safeName}`,
    `Exec=${quoteExecArgument(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function createXdgAutostart({
  name,
  appName,
  executable,
  env,
}: XdgAutostartOptions): LoginItem {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`Bad autostart entry name: ${name}`);
  const file = (): string => path.join(autostartDir(env), `${name}.desktop`);
  return {
    isEnabled() {
      try {
        const text = fs.readFileSync(file(), 'utf8');
        return !/^(Hidden=true|X-GNOME-Autostart-enabled=false)\s*$/m.test(text);
      } catch {
        return false;
      }
    },
    setEnabled(enabled) {
      if (!enabled) {
        fs.rmSync(file(), { force: true });
        return;
      }
      fs.mkdirSync(path.dirname(file()), { recursive: true });
      fs.writeFileSync(file(), autostartEntry(appName, executable));
    },
  };
}
