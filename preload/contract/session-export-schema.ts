/**
 * What an export is: its filter, its formats, and the JSON file's versioned envelope that the team view
 * imports. Shared by main (writes exports), the renderer (export dialog, team import) and tests.
 *
 * JSON export, version 1 (one object, `sessions` last so it can be written as a stream):
 *   { "format": "calm-line-sessions", "version": 1, "exportedAt": ISO 8601, "agent": who exported,
 *     "appVersion": "0.1.0", "filter": ExportFilter, "sessions": [Session (schemaVersion 2), …] }
 * An export from the team store adds, after the sessions, "agentIds": { session id: the agent id the store
 * recorded for the login that synced it, … } (optional: a local export has none).
 */
import { z } from 'zod';
import { sessionQuerySchema } from './session-ipc-schema';
import type { HostFailureReason } from './ipc-result';

export const SESSION_EXPORT_FORMAT = 'calm-line-sessions';
export const SESSION_EXPORT_VERSION = 1;

export const EXPORT_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which sessions an export holds: the session log's query without paging (same fields, same meaning:
 * days inclusive in the host's local time, follow-up due/overdue/open/done, text search). */
export const exportFilterSchema = sessionQuerySchema.omit({ offset: true, limit: true });
export type ExportFilter = z.infer<typeof exportFilterSchema>;

/** The envelope without its sessions (those are validated one by one against `sessionSchema`). */
export const sessionExportHeaderSchema = z.strictObject({
  format: z.literal(SESSION_EXPORT_FORMAT),
  version: z.literal(SESSION_EXPORT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  agent: z.string().max(200),
  appVersion: z.string().max(50),
  filter: exportFilterSchema,
  /** Exports from the team store: session id → the syncing login's agent id (written after `sessions`). */
  agentIds: z.record(z.uuid(), z.string().min(1).max(200)).optional(),
});
export type SessionExportHeader = z.infer<typeof sessionExportHeaderSchema>;

/** Start an export: the host asks where to save (Electron) or prepares a download (browser host). */
export const startExportRequestSchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  filter: exportFilterSchema,
});
export type StartExportRequest = z.infer<typeof startExportRequestSchema>;

export interface ExportStarted {
  readonly exportId: string;
  /** Sessions that match the filter (what the progress counts up to). */
  readonly total: number;
  readonly fileName: string;
}

/** Where a finished export went: a file the user chose (Electron), or a one-time download URL (browser). */
export type ExportDelivery =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'download'; readonly url: string; readonly fileName: string };

export type ExportState = 'running' | 'done' | 'cancelled' | 'failed';

/** Host event `export-progress`: sent while writing (throttled) and once at the end. */
export interface ExportProgress {
  readonly exportId: string;
  readonly state: ExportState;
  readonly written: number;
  readonly total: number;
  /** Set when state is 'done'. */
  readonly delivery?: ExportDelivery;
  readonly bytes?: number;
  /** Set when state is 'failed': what went wrong, in English (the host's words, for logs). */
  readonly message?: string;
  /** When 'failed' on the file system (disk full, no permission…): the reason the page words. */
  readonly reason?: HostFailureReason;
}
