import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../../preload/domain/call-event';
import {
  deliverArgv,
  setupDesktopCallEvents,
  type CallEventAppLike,
} from '../../../../main/shell/call-links/desktop-call-links';

/** Electron's app, as far as the desktop's call-event ways in use it. */
function fakeApp() {
  const listeners: Record<string, (...args: never[]) => void> = {};
  const registrations: unknown[][] = [];
  const app: CallEventAppLike = {
    setAsDefaultProtocolClient: (...args: unknown[]) => {
      registrations.push(args);
      return true;
    },
    on: ((event: string, listener: (...args: never[]) => void) => {
      listeners[event] = listener;
    }) as CallEventAppLike['on'],
  };
  return { app, listeners, registrations };
}

describe('desktop call-event ways in: links, --call, a second instance', () => {
  it('registers calm-line:// (naming the script in development)', () => {
    const packaged = fakeApp();
    setupDesktopCallEvents({ app: packaged.app, deliver: async () => undefined });
    expect(packaged.registrations).toEqual([['calm-line']]);
    const dev = fakeApp();
    setupDesktopCallEvents({
      app: dev.app,
      deliver: async () => undefined,
      devLaunch: { execPath: '/x/electron', script: '/repo/out/main/main.js' },
    });
    expect(dev.registrations).toEqual([['calm-line', '/x/electron', ['/repo/out/main/main.js']]]);
  });

  it('a second instance forwards its link or --call argv; a plain second start focuses the window', () => {
    const { app, listeners } = fakeApp();
    const delivered: [CallEvent, string][] = [];
    let focused = 0;
    setupDesktopCallEvents({
      app,
      deliver: async (e, s) => void delivered.push([e, s]),
      focus: () => focused++,
    });
    const secondInstance = listeners['second-instance'] as (e: unknown, argv: string[]) => void;
    secondInstance({}, ['/opt/Calm Line/calm-line', 'calm-line://call/start?id=9&ref=CASE-2']);
    secondInstance({}, ['/opt/Calm Line/calm-line', '--call', 'hold', '--id', '9']);
    secondInstance({}, ['/opt/Calm Line/calm-line']);
    expect(delivered).toEqual([
      [{ kind: 'start', id: '9', ref: 'CASE-2' }, 'command'],
      [{ kind: 'hold', id: '9' }, 'command'],
    ]);
    expect(focused).toBe(1);
  });

  it("macOS 'open-url': taken over from the OS and delivered; a bad link is one logged line", () => {
    const { app, listeners } = fakeApp();
    const delivered: [CallEvent, readonly string[] | undefined][] = [];
    const logged: string[] = [];
    setupDesktopCallEvents({
      app,
      deliver: async (e, _source, dropped) => void delivered.push([e, dropped]),
      log: (m) => logged.push(m),
    });
    let prevented = 0;
    const openUrl = listeners['open-url'] as (e: { preventDefault(): void }, url: string) => void;
    openUrl({ preventDefault: () => prevented++ }, 'calm-line://call/end?id=9');
    // An odd id is dropped with a note; the end still goes.
    openUrl({ preventDefault: () => prevented++ }, 'calm-line://call/end?id=$(rm)');
    openUrl({ preventDefault: () => prevented++ }, 'calm-line://call/reboot');
    expect(prevented).toBe(3);
    expect(delivered).toEqual([
      [{ kind: 'end', id: '9' }, undefined],
      [
        { kind: 'end' },
        [expect.stringMatching(/^--id .* has characters other than .*: dropped\.$/)],
      ],
    ]);
    expect(logged).toEqual([
      'Call event refused: Unknown call event "reboot": use one of start, end, hold, resume, mark.',
    ]);
  });

  it('the first instance started by a call event delivers it; a normal start delivers nothing', () => {
    const delivered: CallEvent[] = [];
    const deliver = async (e: CallEvent) => void delivered.push(e);
    expect(deliverArgv(['calm-line', '--call', 'start', '--ref', 'R-1'], { deliver })).toBe(true);
    expect(deliverArgv(['calm-line'], { deliver })).toBe(false);
    expect(delivered).toEqual([{ kind: 'start', ref: 'R-1' }]);
  });
});
