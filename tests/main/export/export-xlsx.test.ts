import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, EXPORT_COLUMN_NAMES } from '../../../main/export/export-columns';
import {
  XLSX_MAX_CELL_CHARS,
  wallClockDate,
  writeXlsxFile,
} from '../../../main/export/export-xlsx';
import type { Session } from '../../../preload/contract/session-schema';
import { makeSessions } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('export-xlsx');
afterEach(() => dirs.cleanup());
const context = { asOfDay: '2026-01-20' };

async function exportAndRead(sessions: Session[]) {
  const file = path.join(dirs.make(), 'sessions.xlsx');
  const bytes = await writeXlsxFile(sessions, file, context);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Sessions');
  if (!sheet) throw new Error('no Sessions sheet');
  return { bytes, sheet };
}

const at = (name: string) => EXPORT_COLUMN_NAMES.indexOf(name) + 1;

describe('XLSX export', () => {
  it('reads back with exceljs: header, one row per session, typed cells (dates, numbers, booleans, text)', async () => {
    const sessions = makeSessions(150, { seed: 51, tricky: true });
    const { bytes, sheet } = await exportAndRead(sessions);
    expect(bytes).toBeGreaterThan(10_000);
    expect(sheet.rowCount).toBe(sessions.length + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_COLUMN_NAMES]);

    let negatives = 0;
    sessions.forEach((s, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(at('session_id')).value).toBe(s.id);
      const started = row.getCell(at('started_at'));
      expect(started.type).toBe(ExcelJS.ValueType.Date);
      expect(
        Math.abs((started.value as Date).getTime() - wallClockDate(s.startedAt).getTime()),
      ).toBeLessThanOrEqual(1);
      expect(started.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
      expect(row.getCell(at('duration_sec')).value).toBe(s.call.durationSec);
      expect(row.getCell(at('overtalk_count')).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(at('apology_given')).value).toBe(s.wrapUp.apologyGiven);
      const lufs = s.call.loudness.caller.integratedLufs;
      const lufsCell = row.getCell(at('caller_integrated_lufs'));
      if (lufs === null) expect(lufsCell.type).toBe(ExcelJS.ValueType.Null);
      else {
        expect(lufsCell.value).toBe(lufs);
        if (lufs < 0) negatives++;
      }
      const followUp = row.getCell(at('follow_up_date'));
      if (s.wrapUp.followUp.date === null) expect(followUp.type).toBe(ExcelJS.ValueType.Null);
      else
        expect((followUp.value as Date).toISOString()).toBe(
          `${s.wrapUp.followUp.date}T00:00:00.000Z`,
        );
      // Text is text, never a formula, and is not prefixed in XLSX.
      const notes = row.getCell(at('notes'));
      if (s.wrapUp.notes === '')
        expect([ExcelJS.ValueType.Null, ExcelJS.ValueType.String]).toContain(notes.type);
      else {
        expect(notes.type).toBe(ExcelJS.ValueType.String);
        expect(notes.value).toBe(s.wrapUp.notes.replace(/\r\n?/g, '\n'));
      }
    });
    expect(negatives).toBeGreaterThan(100);
  });

  it('every numeric, boolean and date column holds its type in every row', async () => {
    const sessions = makeSessions(60, { seed: 52 });
    const { sheet } = await exportAndRead(sessions);
    const wanted: Record<string, ExcelJS.ValueType> = {
      number: ExcelJS.ValueType.Number,
      integer: ExcelJS.ValueType.Number,
      boolean: ExcelJS.ValueType.Boolean,
      datetime: ExcelJS.ValueType.Date,
      date: ExcelJS.ValueType.Date,
      text: ExcelJS.ValueType.String,
    };
    for (let r = 2; r <= sessions.length + 1; r++) {
      EXPORT_COLUMNS.forEach((c, i) => {
        const cell = sheet.getRow(r).getCell(i + 1);
        if (cell.type === ExcelJS.ValueType.Null) return;
        expect(cell.type, `${c.name} row ${r}`).toBe(wanted[c.type]);
      });
    }
  });

  it('formula-looking text stays a string; long notes are cut to Excel’s cell limit; line breaks are LF; control characters are replaced', async () => {
    const [base] = makeSessions(1, { seed: 53 });
    const long = 'é'.repeat(40_000);
    const sessions: Session[] = [
      {
        ...base,
        wrapUp: {
          ...base.wrapUp,
          caseReference: '=1+1',
          notes: long,
          emotionalCatalyst: 'bell\u0007 and \uD800 alone',
          escalation: { kind: 'handed-off', reason: 'a\r\nb\rc\td' },
        },
      },
    ];
    const { sheet } = await exportAndRead(sessions);
    const row = sheet.getRow(2);
    const ref = row.getCell(at('case_reference'));
    expect(ref.type).toBe(ExcelJS.ValueType.String);
    expect(ref.value).toBe('=1+1');
    const notes = row.getCell(at('notes')).value as string;
    expect(notes).toHaveLength(XLSX_MAX_CELL_CHARS);
    expect(notes.endsWith('…')).toBe(true);
    expect(row.getCell(at('emotional_catalyst')).value).toBe('bell\uFFFD and \uFFFD alone');
    expect(row.getCell(at('escalation_reason')).value).toBe('a\nb\nc\td');
  });
});
