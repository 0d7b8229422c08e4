/**
 * Exports in the browser host, which has no native save dialog: the export is written (atomically) into
 * `<data>/exports-pending/`, and once complete the UI gets a one-time link `/export-download/<token>`
 * (32 random bytes) that the page opens as a download — the browser then saves it the way it saves any
 * download (its own save dialog or Downloads folder; Chromium writes to a temporary `.crdownload` and
 * renames it, so a cancelled download leaves no partial file either). The link needs the session cookie
 * like every other request, works once, and the file is deleted after it was sent, after 15 minutes
 * unclaimed, and when the host starts or closes.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { ExportFormat } from '../../preload/contract/session-export-schema';
import type { ExportTarget, ExportTargets } from '../export/export-service';

export const EXPORT_DOWNLOAD_PATH = '/export-download/';
const TOKEN_PATTERN = /^[0-9a-f]{64}$/;
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

interface Pending {
  readonly filePath: string;
  readonly fileName: string;
  readonly contentType: string;
  ready: boolean;
  timer?: NodeJS.Timeout;
}

export interface ExportDownloads {
  readonly targets: ExportTargets;
  /** Serves `/export-download/<token>` (call after the session check); false when the path is not one. */
  serve(
    request: IncomingMessage,
    response: ServerResponse,
    headers: Record<string, string>,
  ): boolean;
  /** Deletes every pending file. */
  close(): void;
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function createExportDownloads(
  dataDir: string,
  options: { unclaimedMs?: number; log?: (m: string) => void } = {},
): ExportDownloads {
  const dir = path.join(dataDir, 'exports-pending');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pending = new Map<string, Pending>();
  const unclaimedMs = options.unclaimedMs ?? 15 * 60_000;

  const drop = (token: string): void => {
    const entry = pending.get(token);
    if (!entry) return;
    pending.delete(token);
    if (entry.timer) clearTimeout(entry.timer);
    fs.rm(entry.filePath, { force: true }, () => undefined);
  };

  const targets: ExportTargets = {
    async choose(suggestedName: string, format: ExportFormat): Promise<ExportTarget> {
      const token = randomBytes(32).toString('hex');
      const filePath = path.join(dir, `${token}.${format}`);
      pending.set(token, {
        filePath,
        fileName: suggestedName,
        contentType: CONTENT_TYPES[format],
        ready: false,
      });
      return {
        filePath,
        delivery: {
          kind: 'download',
          url: `${EXPORT_DOWNLOAD_PATH}${token}`,
          fileName: suggestedName,
        },
      };
    },
    completed(target) {
      const token = tokenOf(target);
      const entry = token ? pending.get(token) : undefined;
      if (!token || !entry) return;
      entry.ready = true;
      entry.timer = setTimeout(() => drop(token), unclaimedMs);
      entry.timer.unref();
    },
    abandoned(target) {
      const token = tokenOf(target);
      if (token) drop(token);
    },
  };

  function tokenOf(target: ExportTarget): string | undefined {
    return target.delivery.kind === 'download'
      ? target.delivery.url.slice(EXPORT_DOWNLOAD_PATH.length)
      : undefined;
  }

  return {
    targets,
    serve(request, response, headers) {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (!url.pathname.startsWith(EXPORT_DOWNLOAD_PATH)) return false;
      const token = url.pathname.slice(EXPORT_DOWNLOAD_PATH.length);
      const entry = TOKEN_PATTERN.test(token) ? pending.get(token) : undefined;
      if (!entry || !entry.ready || request.method !== 'GET') {
        response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('This export link was used already or has expired. Export again.\n');
        return true;
      }
      // One use: the link is gone as soon as the transfer starts.
      pending.delete(token);
      if (entry.timer) clearTimeout(entry.timer);
      const size = fs.statSync(entry.filePath).size;
      response.writeHead(200, {
        ...headers,
        'Content-Type': entry.contentType,
        'Content-Length': String(size),
        'Content-Disposition': contentDisposition(entry.fileName),
        'Cache-Control': 'no-store',
      });
      const stream = fs.createReadStream(entry.filePath);
      const cleanup = () => fs.rm(entry.filePath, { force: true }, () => undefined);
      stream.on('error', (error) => {
        options.log?.(`Export download failed: ${error.message}`);
        response.destroy();
        cleanup();
      });
      stream.on('close', cleanup);
      stream.pipe(response);
      return true;
    },
    close() {
      for (const token of [...pending.keys()]) drop(token);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
