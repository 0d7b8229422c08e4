/**
 * How a host starts and closes, written once for both: the Electron main process (main/main.ts) and the
 * browser host (main/browser-host/browser-host.ts).
 *
 *   openHost     the services (host-services.ts) and the handler map (handlers.ts); the host then builds
 *                its transport to the pages over the handlers (Electron IPC, or the WebSocket)
 *   start(pages) service events go to the pages, the follow-up checker runs, the call-event relay reaches
 *                the pages, and the call-event endpoint opens (its discovery file written, Settings told
 *                the command line); an endpoint that cannot open is a problem Settings shows, not a failure
 *   close        the reverse: the endpoint first (its discovery file goes, so the phone software's command
 *                says "no app running" instead of waiting), then the event forwarding, then the stores —
 *                all before close's first await, so a caller that cannot wait (Electron's will-quit) still
 *                gets every store flushed
 *
 * What each host keeps to itself: its transport, asking its pages to save before it closes (the
 * 'host-closing' event: Electron on before-quit, the browser host on Ctrl+C), and Electron's window,
 * tray, menus and notifications.
 */
import type { Log } from '../../preload/contract/handler-results';
import type { IpcHandlers } from '../../preload/contract/ipc-handlers';
import { callCommandLine } from '../call-events/call-command-line';
import { startCallEventServer, type CallEventServer } from '../call-events/call-event-server';
import { findHookScript } from '../call-events/hook-scripts';
import { createHandlers } from './handlers';
import { forwardServiceEvents, type EmitHostEvent } from './host-events';
import {
  openHostServices,
  type HostServicesOptions,
  type OpenedHostServices,
} from './host-services';

/** The host's pages, as its transport reaches them. */
export interface HostPages {
  readonly emit: EmitHostEvent;
  /** Pages open now (a call event goes out only when one is there to answer it). */
  count(): number;
}

/** How the phone software reaches this host: the command Settings shows, and the hook scripts. */
export interface CallEndpointOptions {
  /** The command without the event: `[node, …/out/cli/call.js]`, or `[the app, '--call']`. */
  readonly program: readonly string[];
  /** The data folder the command finds by itself; the line names `--data-dir` only for another one. */
  readonly defaultDataDir: string;
  /** The folder of the hook scripts (`hooks/`, or the packaged app's resources). */
  readonly hooksDir: string;
}

export interface HostOptions extends HostServicesOptions {
  readonly callEndpoint: CallEndpointOptions;
  /** The endpoint's server (tests); default startCallEventServer on a free loopback port. */
  readonly startEndpoint?: typeof startCallEventServer;
  readonly log?: Log;
}

export interface Host {
  readonly services: OpenedHostServices;
  readonly handlers: IpcHandlers;
  /** Once; resolves when the endpoint is open or Settings has been told why it is not. */
  start(pages: HostPages): Promise<void>;
  /** Idempotent; the same promise every time. */
  close(): Promise<void>;
}

export function openHost(options: HostOptions): Host {
  const { callEndpoint, log } = options;
  const startEndpoint = options.startEndpoint ?? startCallEventServer;
  const services = openHostServices(options);
  const handlers = createHandlers(services, log);
  const relay = services.callEvents;
  let started: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  let endpoint: CallEventServer | null = null;
  let stopForwarding = (): void => {};

  const openEndpoint = async (): Promise<void> => {
    try {
      const server = await startEndpoint({
        dataDir: services.dataDir,
        deliver: (event, source, dropped) => relay.deliver(event, source, dropped),
        refused: (source, reason) => relay.refused(source, reason),
        log,
      });
      if (closing) {
        await server.close();
        return;
      }
      endpoint = server;
      const line = callCommandLine(
        callEndpoint.program,
        services.dataDir,
        callEndpoint.defaultDataDir,
      );
      relay.setEndpoint({
        command: line.command,
        commandNeedsShell: line.needsShell,
        hookScript: findHookScript(callEndpoint.hooksDir),
        problem: null,
      });
    } catch (error) {
      const detail = String((error as Error)?.message ?? error);
      const problem = `Calm Line could not open its port for the phone software: ${detail}`;
      log?.(problem);
      relay.setEndpoint({
        command: null,
        problem,
        problemKind: 'port-refused',
        problemDetail: detail,
      });
    }
  };

  return {
    services,
    handlers,
    start(pages) {
      started ??= (() => {
        if (closing) return Promise.resolve();
        stopForwarding = forwardServiceEvents(services, pages.emit);
        services.sessions.followUps.start();
        relay.attach({ emit: pages.emit, count: () => pages.count() });
        return openEndpoint();
      })();
      return started;
    },
    close() {
      closing ??= (async () => {
        const endpointClosed = endpoint?.close();
        stopForwarding();
        services.sessions.close();
        await endpointClosed;
        await started; // an endpoint still opening closes itself once open (openEndpoint)
      })();
      return closing;
    },
  };
}
