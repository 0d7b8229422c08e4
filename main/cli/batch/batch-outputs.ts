/**
 * Where a batch writes: JSON lines (stdout, or --out FILE) and the CSV summary (--csv FILE). Output files
 * are appended to, a record at a time, so a batch stopped halfway (Ctrl+C, a crash) keeps every call it
 * finished; run the same command again and the calls already in every output file are skipped. A record
 * cut short at the end of a file (a write interrupted) is dropped first. Calls are known by `file` as the
 * document names them, so resume from the same folder with the same inputs.
 */
import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import type { AnalysisReport } from '../../../renderer/engine/call-analysis-report';
import { BadInputError } from '../analyze-args';
import { summaryCsvHeader, summaryCsvRow, summaryFileCell } from './analysis-csv';

export interface BatchOutput {
  /** True when this output already holds the call. */
  has(file: string): boolean;
  write(report: AnalysisReport): void;
  close(): void;
}

/** JSON lines on stdout: remembers nothing. */
export function stdoutJsonLines(): BatchOutput {
  return {
    has: () => false,
    write: (report) => void process.stdout.write(`${JSON.stringify(report)}\n`),
    close: () => {},
  };
}

/** JSON lines appended to `filePath` (as typed: `name`); lines already there are calls done. */
export function jsonLinesFile(filePath: string, name: string): BatchOutput {
  const done = new Set<string>();
  for (const line of completeRecords(filePath, name)) {
    if (line.trim() === '') continue;
    try {
      const file = (JSON.parse(line) as { file?: unknown }).file;
      if (typeof file === 'string') done.add(file);
    } catch {
      throw new BadInputError('cli.analyze.out-not-json-lines', { file: name });
    }
  }
  const fd = openOutput(filePath, name);
  return {
    has: (file) => done.has(file),
    write: (report) => void writeSync(fd, `${JSON.stringify(report)}\n`),
    close: () => closeSync(fd),
  };
}

/** The CSV summary appended to `filePath`; rows already there are calls done. */
export function summaryCsvFile(filePath: string, name: string): BatchOutput {
  const header = summaryCsvHeader();
  const records = completeRecords(filePath, name);
  const done = new Set<string>();
  if (records.length > 0) {
    if (`${records[0]}\n` !== header)
      throw new BadInputError('cli.analyze.csv-other-columns', { file: name });
    for (const record of records.slice(1)) if (record.trim() !== '') done.add(firstField(record));
  }
  const fd = openOutput(filePath, name);
  if (records.length === 0) writeSync(fd, header);
  return {
    has: (file) => done.has(summaryFileCell(file)),
    write: (report) => void writeSync(fd, summaryCsvRow(report)),
    close: () => closeSync(fd),
  };
}

/** The file's complete records (each without its final \n); a partial last one is cut off the file. */
function completeRecords(filePath: string, name: string): string[] {
  if (!existsSync(filePath)) return [];
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new BadInputError('cli.analyze.cannot-read', {
      file: name,
      reason: String((error as NodeJS.ErrnoException).code),
    });
  }
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) truncateSync(filePath, Buffer.byteLength(text.slice(0, end)));
  return end === 0 ? [] : text.slice(0, end - 1).split('\n');
}

function openOutput(filePath: string, name: string): number {
  try {
    return openSync(filePath, 'a');
  } catch (error) {
    throw new BadInputError('cli.analyze.cannot-write', {
      file: name,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

/** The first field of a CSV record (quoted or not), as its text. */
function firstField(record: string): string {
  if (!record.startsWith('"')) {
    const comma = record.indexOf(',');
    return comma < 0 ? record.replace(/\r$/, '') : record.slice(0, comma);
  }
  let out = '';
  for (let i = 1; i < record.length; i++) {
    const ch = record[i];
    if (ch === '"') {
      if (record[i + 1] === '"') {
        out += '"';
        i++;
      } else break;
    } else out += ch;
  }
  return out;
}
