/**
 * CSV export: RFC 4180 (comma, CRLF, fields with comma/quote/CR/LF quoted, quotes doubled), UTF-8 with a
 * byte-order mark so Excel reads accents and emoji, one header row with EXPORT_COLUMNS' names, then one
 * row per session.
 *
 * Formula injection: a text cell that a spreadsheet would evaluate — first character `=`, `+`, `-`, `@`,
 * tab or carriage return, or `=`, `+`, `-`, `@` after leading whitespace — is written with a `'` in front.
 * Numeric columns are never prefixed: a real negative number (−23.5 LUFS) stays a number.
 */
import type { Session } from '../../preload/contract/session-schema';
import {
  EXPORT_COLUMNS,
  type CellValue,
  type ExportColumn,
  type ExportContext,
} from './export-columns';
import { forEachSession, writeText, type SessionSource, type WriteProgress } from './export-stream';

export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_AFTER_SPACE = /^\s+[=+\-@]/;

function startsFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  // = + - @ TAB CR
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) return true;
  return (c === 32 || c === 10 || c === 0xa0 || c === 0x3000) && FORMULA_AFTER_SPACE.test(text);
}

/** Prefixes `'` to text a spreadsheet would run as a formula. */
export function neutralizeFormula(text: string): string {
  return text.length > 0 && startsFormula(text) ? `'${text}` : text;
}

/** One RFC 4180 field. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell as CSV text: numbers and booleans as they are, text neutralised and quoted when needed. */
export function formatCsvCell(column: ExportColumn, value: CellValue): string {
  return cellFormatter(column.type)(value);
}

type CellFormatter = (value: CellValue) => string;

function cellFormatter(type: ExportColumn['type']): CellFormatter {
  switch (type) {
    case 'text':
      return (v) => (v === null ? '' : csvField(neutralizeFormula(String(v))));
    case 'boolean':
      return (v) => (v === null ? '' : v ? 'true' : 'false');
    case 'date':
    case 'datetime':
      // Validated ISO 8601: never quoted, never a formula.
      return (v) => (v === null ? '' : String(v));
    case 'number':
    case 'integer':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
  }
}

export function csvHeader(columns: readonly ExportColumn[] = EXPORT_COLUMNS): string {
  return columns.map((c) => csvField(c.name)).join(',') + CRLF;
}

/** One CSV record per session, for a fixed column list (formatters chosen once, not per cell). */
export function csvRowWriter(
  columns: readonly ExportColumn[] = EXPORT_COLUMNS,
): (session: Session, context: ExportContext) => string {
  const values = columns.map((c) => c.value);
  const formats = columns.map((c) => cellFormatter(c.type));
  const n = columns.length;
  const cells = new Array<string>(n);
  return (session, context) => {
    for (let i = 0; i < n; i++) cells[i] = formats[i](values[i](session, context));
    return cells.join(',') + CRLF;
  };
}

const defaultRow = csvRowWriter();

export function csvRow(session: Session, context: ExportContext): string {
  return defaultRow(session, context);
}

/** Writes BOM, header and one row per session to `filePath` (not atomically: see export-file.ts);
 * resolves to the bytes written. */
export function writeCsvFile(
  sessions: SessionSource,
  filePath: string,
  context: ExportContext,
  progress?: WriteProgress,
): Promise<number> {
  const row = csvRowWriter();
  return writeText(filePath, async (sink) => {
    sink.add(UTF8_BOM + csvHeader());
    await forEachSession(sessions, progress, (session) => sink.add(row(session, context)));
  });
}
