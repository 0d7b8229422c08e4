/**
 * The browser host: Calm Line served to a normal Chromium when Electron is not available, and what the
 * end-to-end tests drive. A Node HTTP server on 127.0.0.1 (free port by default) serves the built
 * renderer and carries the same IPC contract over a WebSocket, through the same handlers and services
 * as Electron, with settings in conf under the data folder.
 *
 * Security: one random token per launch. `url` carries it once (`/?token=…`); the host swaps it for an
 * HttpOnly SameSite=Strict cookie and moves the page to `/`. Every file and the WebSocket require that
 * cookie, the exact Host `127.0.0.1:<port>` (DNS rebinding), a loopback peer, and the host's own Origin
 * (always for the WebSocket, whenever sent for files). The token is never written to `log`.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_HOST_WS_PATH } from '../../preload/contract/browser-host-protocol';
import type { HostServices } from '../host/host-services';
import { openHost } from '../host/host-lifecycle';
import { BROWSER_HOST_FEATURES } from '../host/host-features';
import { buildContentSecurityPolicy } from '../host/content-security-policy';
import { createHttpHandler, authorizeSession } from './http-handler';
import { attachIpcWebSocket } from './ipc-websocket';
import { createExportDownloads } from './export-downloads';
import { hostOrigin } from './request-guard';
import { createSessionToken } from './session-token';
import { HOOKS_FOLDER } from '../call-events/hook-scripts';
import { SHIPPED_SCENARIOS_FOLDER } from '../practice/shipped-scenarios';
import { defaultUserDataDir } from '../storage/user-data-dir';

export interface BrowserHostOptions {
  /** The data folder: settings, the session log, drafts, timelines, recordings. Created when missing. */
  readonly dataDir: string;
  /** Built renderer (index.html + assets). Default: `<project>/out/renderer`. */
  readonly rendererDir?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Operational messages; never receives the token. */
  readonly log?: (message: string) => void;
  /** Clock for follow-ups and stored times (tests); default the system clock. */
  readonly now?: () => Date;
}

export interface BrowserHost {
  /** First-load URL, `http://127.0.0.1:<port>/?token=…`. Treat it as a secret. */
  readonly url: string;
  /** `http://127.0.0.1:<port>` — where the app ends up after the first load. */
  readonly origin: string;
  readonly port: number;
  /** The address the server is bound to, as the OS reports it (always 127.0.0.1). */
  readonly address: string;
  readonly dataDir: string;
  /** The settings JSON file (conf). */
  readonly settingsPath: string;
  readonly services: HostServices;
  /** Stops accepting, drops every connection and the WebSocket clients; resolves when closed. */
  close(): Promise<void>;
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** On close, pages get this long at most to save, and are done once quiet for CLOSING_QUIET_MS. */
const CLOSING_MAX_MS = 3000;
const CLOSING_QUIET_MS = 400;

export const DEFAULT_RENDERER_DIR = path.join(PROJECT_ROOT, 'out', 'renderer');
/** The bundled `call` command (main/cli/bundle/), run by plain node from the phone software's hooks. */
const CALL_CLI_PATH = path.join(PROJECT_ROOT, 'out', 'cli', 'call.js');

function listen(server: http.Server, port: number): Promise<{ address: string; port: number }> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string')
        reject(new Error('Browser host has no TCP address'));
      else resolve({ address: address.address, port: address.port });
    });
  });
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const dataDir = path.resolve(options.dataDir);
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const log = options.log;
  fs.mkdirSync(dataDir, { recursive: true });

  // No native save dialog here: exports become one-time downloads (see export-downloads.ts).
  const downloads = createExportDownloads(dataDir, { log });
  const host = openHost({
    dataDir,
    host: 'browser',
    features: BROWSER_HOST_FEATURES,
    exportTargets: downloads.targets,
    now: options.now,
    log,
    shippedScenariosDir: path.join(PROJECT_ROOT, 'assets', SHIPPED_SCENARIOS_FOLDER),
    callEndpoint: {
      program: [process.execPath, CALL_CLI_PATH],
      defaultDataDir: defaultUserDataDir(),
      hooksDir: path.join(PROJECT_ROOT, HOOKS_FOLDER),
    },
  });
  const { services, handlers } = host;
  const token = createSessionToken();

  const server = http.createServer();
  server.on('clientError', (_error, socket) => socket.destroy());
  const { address, port } = await listen(server, options.port ?? 0).catch(
    async (error: unknown) => {
      await host.close(); // a port in use: the stores opened for nothing are closed again
      downloads.close();
      throw error;
    },
  );
  const origin = hostOrigin(port);
  const csp = buildContentSecurityPolicy({
    connectSources: [`ws://127.0.0.1:${port}${BROWSER_HOST_WS_PATH}`],
  });

  const handleRequest = createHttpHandler({
    rendererDir,
    port,
    token,
    csp,
    log,
    downloads,
    recordings: services.sessions.recordings,
  });
  server.on('request', (request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      log?.(`Request failed: ${(error as Error)?.message ?? error}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const ipc = attachIpcWebSocket(server, {
    handlers,
    authorize: (request) => authorizeSession(request, port, token, true),
    log,
  });
  await host.start({ emit: ipc.emit, count: () => ipc.clientCount() });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      // Pages end a call in progress and save their wrap-up draft before the services close.
      if (ipc.clientCount() > 0) {
        ipc.emit('host-closing', { graceMs: CLOSING_MAX_MS });
        await ipc.settle(CLOSING_QUIET_MS, CLOSING_MAX_MS);
      }
      await host.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await ipc.close();
      server.closeAllConnections();
      await closed;
      downloads.close();
    })();
    return closing;
  };

  log?.(`Calm Line browser host listening on ${origin} (data: ${dataDir})`);
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    address,
    dataDir,
    settingsPath: services.settingsPath,
    services,
    close,
  };
}
