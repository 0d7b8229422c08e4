/**
 * The desktop app's other ways in for the phone software, wired to the same relay as the loopback endpoint:
 *
 *   calm-line://call/start?id=…&ref=…   registered as the OS handler of the scheme (setAsDefaultProtocolClient;
 *                                       electron-builder's `protocols` writes it into the installers);
 *   calm-line --call start --ref X       the packaged app's own command (no Node needed on the agent's machine);
 *   a second instance                    (the single-instance lock) forwards its argv here ('second-instance');
 *   macOS                                delivers links with 'open-url'.
 *
 * Parsing is the pure findCallEventInArgv / parseCallUrl (preload/domain/call-event-args.ts). The Electron
 * objects come in as small `*Like` interfaces, so this is tested without Electron. A second instance
 * exits at once (exit 0 whatever became of the event): softphones that need the answer use the command.
 */
import {
  findCallEventInArgv,
  parseCallUrl,
  CALL_URL_SCHEME,
} from '../../../preload/domain/call-event-args';
import type { CallEvent } from '../../../preload/domain/call-event';

export interface CallEventAppLike {
  readonly isPackaged?: boolean;
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(
    event: 'open-url',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
}

export interface DesktopCallEventOptions {
  readonly app: CallEventAppLike;
  /** Hands the event to the page (the relay's deliver). */
  readonly deliver: (
    event: CallEvent,
    source: string,
    dropped?: readonly string[],
  ) => Promise<unknown>;
  /** Bring the window forward (a link opened from a CRM page). */
  readonly focus?: () => void;
  readonly log?: (message: string) => void;
  /** process.defaultApp / process.execPath / process.argv in development (the scheme must name the script). */
  readonly devLaunch?: { execPath: string; script: string } | null;
}

/** Hands the call event in `argv` (if any) to the page; a refused one is logged in one line. */
export function deliverArgv(
  argv: readonly string[],
  options: Pick<DesktopCallEventOptions, 'deliver' | 'log'>,
  source = 'command',
): boolean {
  const found = findCallEventInArgv(argv);
  if (found === null) return false;
  if (!found.ok) {
    options.log?.(`Call event refused: ${found.message}`);
    return true;
  }
  if ('event' in found) void options.deliver(found.event, source, found.dropped);
  return true;
}

export function setupDesktopCallEvents(options: DesktopCallEventOptions): void {
  const { app, log } = options;
  const registered = options.devLaunch
    ? app.setAsDefaultProtocolClient(CALL_URL_SCHEME, options.devLaunch.execPath, [
        options.devLaunch.script,
      ])
    : app.setAsDefaultProtocolClient(CALL_URL_SCHEME);
  if (!registered) log?.(`Could not register ${CALL_URL_SCHEME}:// links with the system.`);
  app.on('second-instance', (_event, argv) => {
    if (!deliverArgv(argv, options)) options.focus?.();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const parsed = parseCallUrl(url);
    if (!parsed.ok) log?.(`Call event refused: ${parsed.message}`);
    else if ('event' in parsed) void options.deliver(parsed.event, 'link', parsed.dropped);
  });
}
