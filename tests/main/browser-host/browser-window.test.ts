import { describe, expect, it } from 'vitest';
import {
  decideOnBrowserExit,
  EARLY_EXIT_MS,
  hasGraphicalDisplay,
} from '../../../main/browser-host/browser-window';

describe('whether start:browser can open a window', () => {
  it('on Linux only with DISPLAY or WAYLAND_DISPLAY set', () => {
    expect(hasGraphicalDisplay({}, 'linux')).toBe(false);
    expect(hasGraphicalDisplay({ DISPLAY: '' }, 'linux')).toBe(false);
    expect(hasGraphicalDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasGraphicalDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasGraphicalDisplay({}, 'freebsd')).toBe(false);
  });

  it('always on macOS and Windows', () => {
    expect(hasGraphicalDisplay({}, 'darwin')).toBe(true);
    expect(hasGraphicalDisplay({}, 'win32')).toBe(true);
  });
});

describe('when the browser exits', () => {
  const exit = { name: 'chromium', code: 0, signal: null } as const;

  it('a window the user closed after using it stops the host', () => {
    expect(decideOnBrowserExit({ ...exit, sinceLaunchMs: 60_000 })).toEqual({
      stopHost: true,
      line: 'Browser window closed; stopping.',
    });
    expect(decideOnBrowserExit({ ...exit, sinceLaunchMs: EARLY_EXIT_MS })).toMatchObject({
      stopHost: true,
    });
  });

  it('a browser that fails at once keeps the host serving, with one line saying how it failed', () => {
    const failed = decideOnBrowserExit({ ...exit, code: 1, sinceLaunchMs: 400 });
    expect(failed).toEqual({
      stopHost: false,
      line: 'chromium exited 0.4 s after launch with an error (exit code 1); open the link below instead.',
    });
    const killed = decideOnBrowserExit({
      ...exit,
      code: null,
      signal: 'SIGSEGV',
      sinceLaunchMs: 2000,
    });
    expect(killed).toMatchObject({
      stopHost: false,
      line: expect.stringContaining('signal SIGSEGV'),
    });
    expect(killed.line).not.toContain('\n');
  });

  it('a browser that exits cleanly at once (window passed to one already open) does not stop the host', () => {
    expect(decideOnBrowserExit({ ...exit, sinceLaunchMs: 300 })).toMatchObject({ stopHost: false });
  });

  it('a browser that cannot be started keeps the host serving', () => {
    const decision = decideOnBrowserExit({
      ...exit,
      code: null,
      sinceLaunchMs: 5,
      spawnError: 'spawn EACCES',
    });
    expect(decision).toEqual({
      stopHost: false,
      line: 'Could not start chromium (spawn EACCES); open the link below instead.',
    });
  });
});
