import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { exportHeader, exportSessionsToFile } from '../../../main/export/export-file';
import type { Session } from '../../../preload/contract/session-schema';
import { sessionAt, seededRandom } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('export-tz');
const savedTz = process.env.TZ;
afterEach(() => {
  dirs.cleanup();
  process.env.TZ = savedTz;
});

/** A call at 03:30 UTC on 1 March: still 28 February in Los Angeles. */
function lateCall(): Session {
  return sessionAt(seededRandom(3), { startedMs: Date.parse('2026-03-01T03:30:00Z') });
}

describe('exports say their time zone', () => {
  it('CSV: times are UTC instants, started_day is the exporting zone’s day, and time_zone names that zone', async () => {
    process.env.TZ = 'America/Los_Angeles';
    const file = path.join(dirs.make(), 'out.csv');
    const header = exportHeader('Ana', '0.1.0', {}, new Date('2026-03-02T12:00:00Z'));
    await exportSessionsToFile([lateCall()], { format: 'csv', filePath: file, header });
    const parsed = Papa.parse<Record<string, string>>(
      fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    const [row] = parsed.data;
    expect(row.started_at).toBe('2026-03-01T03:30:00.000Z');
    expect(row.started_day).toBe('2026-02-28');
    expect(row.time_zone).toBe('America/Los_Angeles');
  });

  it('XLSX: an "About" sheet says the zone the times and days are shown in', async () => {
    process.env.TZ = 'Europe/Berlin';
    const file = path.join(dirs.make(), 'out.xlsx');
    const header = exportHeader('Ana', '0.1.0', {}, new Date('2026-03-02T12:00:00Z'));
    await exportSessionsToFile([lateCall()], { format: 'xlsx', filePath: file, header });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const about = book.getWorksheet('About')!;
    expect([about.getRow(1).getCell(1).value, about.getRow(1).getCell(2).value]).toEqual([
      'Time zone',
      'Europe/Berlin',
    ]);
    expect(String(about.getRow(2).getCell(2).value)).toContain('shown in Europe/Berlin');
    const sheet = book.getWorksheet('Sessions')!;
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    const dayAt = names.indexOf('started_day') + 1;
    // 03:30 UTC is 04:30 in Berlin: the same day there.
    expect(sheet.getRow(2).getCell(dayAt).value).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(sheet.getRow(2).getCell(names.indexOf('time_zone') + 1).value).toBe('Europe/Berlin');
  });
});
