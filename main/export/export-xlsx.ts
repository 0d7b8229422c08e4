/**
 * XLSX export through exceljs's streaming writer (rows go to disk as they come): one sheet "Sessions"
 * with EXPORT_COLUMNS as typed cells — numbers as numbers, booleans as booleans, dates and times as
 * Excel dates. Excel dates have no time zone: times show the local time of the exporting computer (as
 * the session log does; the CSV and JSON exports keep the exact ISO 8601 instants). Text is never a formula in XLSX, so
 * it is written as is, except: cells hold at most 32,767 characters (Excel's limit; longer notes are cut
 * and end with "…"), line breaks are LF (XML reads CR as LF anyway), and characters XML cannot carry
 * (other control characters, lone surrogates) become U+FFFD.
 */
import ExcelJS from 'exceljs';
import type { Session } from '../../preload/contract/session-schema';
import {
  localTimeZone,
  EXPORT_COLUMNS,
  type CellValue,
  type ColumnType,
  type ExportContext,
} from './export-columns';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { forEachSession, type SessionSource, type WriteProgress } from './export-stream';

export const XLSX_MAX_CELL_CHARS = 32_767;
// DEL (U+007F) too: XML could carry it, but exceljs drops it without a trace.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML refuses
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** XML turns CR into LF when it is read; Excel breaks lines in a cell at LF. */
const CARRIAGE_RETURNS = /\r\n?/g;

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  datetime: 'yyyy-mm-dd hh:mm:ss',
  date: 'yyyy-mm-dd',
  integer: '0',
};

/** A Date whose UTC fields show the local wall-clock time of an ISO instant, or midnight of a
 * 'YYYY-MM-DD' day — what exceljs turns into an Excel serial date. */
export function wallClockDate(iso: string): Date {
  if (iso.length === 10) return new Date(Date.parse(`${iso}T00:00:00Z`));
  const d = new Date(iso);
  return new Date(
    Date.UTC(
      d.getFullYear(),
      d.getMonth(),
      d.getDate(),
      d.getHours(),
      d.getMinutes(),
      d.getSeconds(),
      d.getMilliseconds(),
    ),
  );
}

export function xlsxText(text: string): string {
  const clean = text.replace(XML_INVALID, '\uFFFD').replace(CARRIAGE_RETURNS, '\n');
  if (clean.length <= XLSX_MAX_CELL_CHARS) return clean;
  // Cut before an emoji (a surrogate pair) rather than through it: half of one would be written as U+FFFD.
  let end = XLSX_MAX_CELL_CHARS - 1;
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${clean.slice(0, end)}…`;
}

export function xlsxCell(type: ColumnType, value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value !== 'string') return value;
  if (type === 'datetime' || type === 'date') return wallClockDate(value);
  return xlsxText(value);
}

function xlsxRow(session: Session, context: ExportContext): ExcelJS.CellValue[] {
  return EXPORT_COLUMNS.map((c) => xlsxCell(c.type, c.value(session, context)));
}

function columnWidth(type: ColumnType, name: string): number {
  if (type === 'datetime') return 20;
  if (type === 'date') return 12;
  if (type === 'text') return Math.max(14, Math.min(40, name.length + 2));
  return Math.max(8, name.length + 2);
}

/** Rows between yields to the event loop, so the zip stream drains instead of buffering the whole sheet. */
const ROWS_PER_TURN = 250;

/** The "About" sheet: the time zone the sheet's times and days are in (an XLSX date has none). */
export function aboutRows(context: ExportContext): string[][] {
  const zone = context.timeZone ?? localTimeZone();
  return [
    ['Time zone', zone],
    [
      'Times',
      `started_at, ended_at and the other times on "Sessions" are shown in ${zone}, the exporting computer's time zone (the same moments as the CSV and JSON exports' ISO 8601 instants in UTC).`,
    ],
    [
      'Days',
      `started_day and follow_up_status are calendar days in ${zone}; follow_up_status is as of ${context.asOfDay}.`,
    ],
  ];
}

/** Writes the workbook to `filePath`; resolves to its size in bytes. On failure or cancel the file
 * stream is closed before the promise rejects (so the caller can delete the file). */
export async function writeXlsxFile(
  sessions: SessionSource,
  filePath: string,
  context: ExportContext,
  progress?: WriteProgress,
): Promise<number> {
  const stream = createWriteStream(filePath);
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  try {
    workbook.creator = 'Calm Line';
    const sheet = workbook.addWorksheet('Sessions', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = EXPORT_COLUMNS.map((c) => {
      const numFmt = NUMBER_FORMATS[c.type];
      return {
        header: c.name,
        key: c.name,
        width: columnWidth(c.type, c.name),
        ...(numFmt ? { style: { numFmt } } : {}),
      };
    });
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let rows = 0;
    await forEachSession(sessions, progress, (session) => {
      sheet.addRow(xlsxRow(session, context)).commit();
      return ++rows % ROWS_PER_TURN === 0 ? nextTurn() : undefined;
    });
    sheet.commit();
    const about = workbook.addWorksheet('About');
    about.columns = [{ width: 14 }, { width: 110 }];
    for (const line of aboutRows(context)) about.addRow(line).commit();
    about.commit();
    await workbook.commit();
    await closed;
  } catch (error) {
    stream.destroy();
    await closed;
    throw error;
  }
  return (await stat(filePath)).size;
}
