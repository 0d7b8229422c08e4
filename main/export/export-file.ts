/**
 * One export to one file, in any format, written atomically: what the export service (dialog) and the
 * command line both run. A cancel (the signal) or a failure leaves no file behind.
 */
import {
  SESSION_EXPORT_FORMAT,
  SESSION_EXPORT_VERSION,
  type ExportFilter,
  type ExportFormat,
  type SessionExportHeader,
} from '../../preload/contract/session-export-schema';
import type { Session } from '../../preload/contract/session-schema';
import { writeFileAtomicallyWith } from '../storage/atomic-write';
import { localTimeZone, type ExportContext } from './export-columns';
import { writeCsvFile } from './export-csv';
import { localDay } from '../../preload/domain/calendar-day';
import { writeJsonFile } from './export-json';
import type { SessionSource, WriteProgress } from './export-stream';
import { writeXlsxFile } from './export-xlsx';

/** Who synced each session: the `agent_id` column, and in JSON exports from the team store `agentIds`. */
export interface ExportAgentIds {
  readonly of: (session: Session) => string | null;
  /** List them in the JSON envelope too (exports from the team store; a local JSON export stays as it was). */
  readonly inJson: boolean;
}

export interface ExportFileOptions {
  readonly format: ExportFormat;
  readonly filePath: string;
  readonly header: SessionExportHeader;
  readonly progress?: WriteProgress;
  /** Absent: `agent_id` is empty. */
  readonly agentIds?: ExportAgentIds;
}

export function exportHeader(
  agent: string,
  appVersion: string,
  filter: ExportFilter,
  now: Date,
): SessionExportHeader {
  return {
    format: SESSION_EXPORT_FORMAT,
    version: SESSION_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    agent,
    appVersion,
    filter,
  };
}

/** Follow-up status in spreadsheets is as of the local day the export ran. */
export function contextOf(header: SessionExportHeader, agentIds?: ExportAgentIds): ExportContext {
  return {
    asOfDay: localDay(new Date(header.exportedAt)),
    agentIdOf: agentIds?.of,
    timeZone: localTimeZone(),
  };
}

/** Writes the sessions to `filePath` atomically; resolves to the file's size in bytes. */
export function exportSessionsToFile(
  sessions: SessionSource,
  options: ExportFileOptions,
): Promise<number> {
  const { format, header, progress, agentIds } = options;
  return writeFileAtomicallyWith(options.filePath, (temporary) => {
    switch (format) {
      case 'csv':
        return writeCsvFile(sessions, temporary, contextOf(header, agentIds), progress);
      case 'json':
        return writeJsonFile(
          sessions,
          temporary,
          header,
          progress,
          agentIds?.inJson ? agentIds.of : undefined,
        );
      case 'xlsx':
        return writeXlsxFile(sessions, temporary, contextOf(header, agentIds), progress);
    }
  });
}

/** `calm-line-sessions_2026-01-05_2026-01-31.csv` (dates from the filter, or the export day). */
export function suggestedFileName(
  format: ExportFormat,
  filter: ExportFilter,
  today: string,
): string {
  const from = filter.from ?? 'start';
  const to = filter.to ?? today;
  const agent = filter.agent
    ? `_${filter.agent
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40)}`
    : '';
  return `calm-line-sessions${agent}_${from}_${to}.${format}`;
}
