/**
 * The tray: which icon, tooltip and menu an agent sees in each call state, and the icons themselves —
 * encoded as PNG and decoded again by ffmpeg (an independent decoder), pixel for pixel.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HotkeyRegistration } from '../../../../preload/contract/desktop-contract';
import {
  flattenMenu,
  type DesktopView,
  type MenuSpec,
} from '../../../../main/shell/menu/menu-spec';
import {
  drawTrayIcon,
  TRAY_DOT,
  TRAY_DOT_COLORS,
  TRAY_TILE_COLOR,
  trayIconPng,
} from '../../../../main/shell/tray/tray-icon';
import {
  TRAY_ICON_KINDS,
  trayIconKind,
  trayMenu,
  trayTooltip,
} from '../../../../main/shell/tray/tray-presentation';
import { tempDirs } from '../../support/temp-dirs';

const registered: HotkeyRegistration[] = [
  { action: 'startCall', accelerator: 'CommandOrControl+Alt+S', status: 'registered' },
  { action: 'endCall', accelerator: 'CommandOrControl+Alt+E', status: 'registered' },
  { action: 'markMoment', accelerator: 'CommandOrControl+Alt+M', status: 'taken' },
  { action: 'openWrapUp', accelerator: '', status: 'off' },
];
const view = (patch: Partial<DesktopView> = {}): DesktopView => ({
  call: 'idle',
  followUpsDue: 0,
  hotkeys: registered,
  alwaysOnTop: false,
  compact: false,
  startAtLogin: false,
  ...patch,
});
type ActionItem = Extract<MenuSpec, { kind: 'action' }>;
const actionItem = (items: readonly MenuSpec[], action: string) =>
  flattenMenu(items).find((i): i is ActionItem => i.kind === 'action' && i.action === action)!;

describe('tray state', () => {
  it.each([
    [{ call: 'idle', followUpsDue: 0 }, 'idle', 'Calm Line — No call'],
    [{ call: 'in-call', followUpsDue: 0 }, 'in-call', 'Calm Line — In a call'],
    [
      { call: 'wrap-up-pending', followUpsDue: 0 },
      'wrap-up-pending',
      'Calm Line — Wrap-up waiting',
    ],
    [{ call: 'idle', followUpsDue: 1 }, 'follow-up-due', 'Calm Line — No call · 1 follow-up due'],
    [{ call: 'in-call', followUpsDue: 3 }, 'in-call', 'Calm Line — In a call · 3 follow-ups due'],
    [
      { call: 'wrap-up-pending', followUpsDue: 2 },
      'wrap-up-pending',
      'Calm Line — Wrap-up waiting · 2 follow-ups due',
    ],
  ] as const)('%j shows the %s icon and says so', (status, kind, tooltip) => {
    expect(trayIconKind(status)).toBe(kind);
    expect(trayTooltip(status)).toBe(tooltip);
  });
});

describe('tray menu', () => {
  it('offers starting a call when idle, and ending it, marking a moment only during one', () => {
    const idle = trayMenu(view());
    expect(actionItem(idle, 'startCall').enabled).toBe(true);
    expect(actionItem(idle, 'endCall').enabled).toBe(false);
    expect(actionItem(idle, 'markMoment').enabled).toBe(false);
    expect(actionItem(idle, 'openWrapUp').enabled).toBe(false);
    const inCall = trayMenu(view({ call: 'in-call' }));
    expect(actionItem(inCall, 'startCall').enabled).toBe(false);
    expect(actionItem(inCall, 'endCall').enabled).toBe(true);
    expect(actionItem(inCall, 'markMoment').enabled).toBe(true);
    const pending = trayMenu(view({ call: 'wrap-up-pending' }));
    expect(actionItem(pending, 'openWrapUp').enabled).toBe(true);
    expect(actionItem(pending, 'startCall').enabled).toBe(true);
  });

  it('shows a shortcut beside an entry only when the app holds it', () => {
    const items = trayMenu(view());
    expect(actionItem(items, 'startCall').accelerator).toBe('CommandOrControl+Alt+S');
    expect(actionItem(items, 'markMoment').accelerator).toBeUndefined(); // taken by another program
    expect(actionItem(items, 'openWrapUp').accelerator).toBeUndefined(); // off
  });

  it('has show, quit, the window toggles, and start at login only where the host supports it', () => {
    const items = flattenMenu(trayMenu(view({ alwaysOnTop: true })));
    expect(items[0]).toEqual({ kind: 'info', label: 'No call' });
    expect(actionItem(items, 'showWindow').enabled).toBe(true);
    expect(actionItem(items, 'quit').label).toBe('Quit Calm Line');
    expect(items).toContainEqual({
      kind: 'toggle',
      action: 'toggleAlwaysOnTop',
      label: 'Always on top',
      checked: true,
    });
    expect(items).toContainEqual({
      kind: 'toggle',
      action: 'toggleCompact',
      label: 'Compact window',
      checked: false,
    });
    expect(items.some((i) => i.kind === 'toggle' && i.action === 'toggleStartAtLogin')).toBe(true);
    const noLogin = flattenMenu(trayMenu(view({ startAtLogin: null })));
    expect(noLogin.some((i) => i.kind === 'toggle' && i.action === 'toggleStartAtLogin')).toBe(
      false,
    );
  });
});

const dirs = tempDirs('tray-icon');
afterAll(() => dirs.cleanup());

function pixel(image: { width: number; rgba: Uint8Array }, x: number, y: number): number[] {
  const o = (y * image.width + x) * 4;
  return [...image.rgba.subarray(o, o + 4)];
}

describe('tray icons', () => {
  it.each(TRAY_ICON_KINDS)(
    '%s: transparent corners, the teal tile, and its own status dot',
    (kind) => {
      const size = 32;
      const icon = drawTrayIcon(kind, size);
      for (const [x, y] of [
        [0, 0],
        [size - 1, 0],
        [0, size - 1],
      ])
        expect(pixel(icon, x!, y!)[3]).toBe(0);
      expect(pixel(icon, size / 2, 3)).toEqual([...TRAY_TILE_COLOR, 255]);
      const dot = pixel(icon, Math.floor(TRAY_DOT.cx * size), Math.floor(TRAY_DOT.cy * size));
      const expected = TRAY_DOT_COLORS[kind];
      if (expected === null) expect(dot).toEqual([...TRAY_TILE_COLOR, 255]);
      else expect(dot).toEqual([...expected, 255]);
    },
  );

  it('draws four icons that differ from each other at tray size', () => {
    const pngs = TRAY_ICON_KINDS.map((kind) => trayIconPng(kind, 16).toString('base64'));
    expect(new Set(pngs).size).toBe(4);
  });

  it.each([16, 32])('encodes a PNG that ffmpeg decodes to the same %i px pixels', (size) => {
    const dir = dirs.make();
    for (const kind of TRAY_ICON_KINDS) {
      const file = path.join(dir, `${kind}-${size}.png`);
      fs.writeFileSync(file, trayIconPng(kind, size));
      const decoded = execFileSync(
        'ffmpeg',
        ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'],
        { maxBuffer: 1 << 20 },
      );
      expect(decoded.length).toBe(size * size * 4);
      expect(Buffer.compare(decoded, Buffer.from(drawTrayIcon(kind, size).rgba))).toBe(0);
    }
  });
});
