import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXPORT_COLUMNS,
  EXPORT_COLUMN_NAMES,
  PRIORITY_SLOTS,
  markdownColumnTable,
} from '../../../main/export/export-columns';
import { csvField, neutralizeFormula, writeCsvFile } from '../../../main/export/export-csv';
import { followUpStateOf, followUpStatus } from '../../../preload/domain/follow-up-status';
import type { Session } from '../../../preload/contract/session-schema';
import { makeSessions } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('export-csv');
afterEach(() => dirs.cleanup());

const context = { asOfDay: '2026-01-20' };
const FORMULA_START = /^[=+\-@\t\r]|^\s+[=+\-@]/;

async function exportAndParse(sessions: Session[]) {
  const file = path.join(dirs.make(), 'sessions.csv');
  const bytes = await writeCsvFile(sessions, file, context);
  const raw = fs.readFileSync(file);
  const text = raw.toString('utf8');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
  });
  return { raw, bytes, text, parsed };
}

const column = (name: string) => EXPORT_COLUMN_NAMES.indexOf(name);

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, parses back with papaparse into the documented columns, one row per session', async () => {
    const sessions = makeSessions(300, { seed: 11, tricky: true });
    const { raw, bytes, text, parsed } = await exportAndParse(sessions);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes).toBe(raw.length);
    expect(parsed.errors).toEqual([]);
    // RFC 4180 line ends; the file ends with one CRLF after the last record.
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parsed.data.filter((r) => !(r.length === 1 && r[0] === ''));
    expect(rows[0]).toEqual([...EXPORT_COLUMN_NAMES]);
    expect(rows.length - 1).toBe(sessions.length);
    for (const row of rows) expect(row.length).toBe(EXPORT_COLUMNS.length);
  });

  it('writes each session’s values in its row: ids, agents, numbers, booleans, flattened priorities and next steps', async () => {
    const sessions = makeSessions(120, { seed: 12 });
    const { parsed } = await exportAndParse(sessions);
    const rows = parsed.data.slice(1, sessions.length + 1);
    sessions.forEach((s, i) => {
      const row = rows[i];
      expect(row[column('session_id')]).toBe(s.id);
      expect(row[column('agent')]).toBe(s.agent);
      expect(row[column('started_at')]).toBe(s.startedAt);
      expect(Number(row[column('duration_sec')])).toBe(s.call.durationSec);
      expect(row[column('resolution')]).toBe(s.wrapUp.resolution ?? '');
      expect(row[column('ownership_taken')]).toBe(String(s.wrapUp.ownershipTaken));
      expect(Number(row[column('cue_too_loud')])).toBe(s.call.metrics.cueCounts['too-loud']);
      expect(row[column('time_to_calm_sec')]).toBe(
        s.call.metrics.timeToCalmSec === null ? '' : String(s.call.metrics.timeToCalmSec),
      );
      expect(row[column('follow_up_status')]).toBe(
        followUpStatus(followUpStateOf(s.wrapUp.followUp), context.asOfDay),
      );
      const ranked = [...s.wrapUp.priorities].sort((a, b) => a.rank - b.rank);
      for (let k = 0; k < PRIORITY_SLOTS; k++) {
        expect(row[column(`priority_${k + 1}_text`)]).toBe(
          ranked[k] ? neutralizeFormula(ranked[k].text) : '',
        );
        expect(row[column(`priority_${k + 1}_confirmed`)]).toBe(
          ranked[k] ? String(ranked[k].confirmed) : '',
        );
      }
      expect(Number(row[column('priorities_omitted')])).toBe(
        Math.max(0, ranked.length - PRIORITY_SLOTS),
      );
      expect(row[column('next_step_1_what')]).toBe(
        s.wrapUp.nextSteps[0] ? neutralizeFormula(s.wrapUp.nextSteps[0].what) : '',
      );
      expect(row[column('next_step_1_by')]).toBe(s.wrapUp.nextSteps[0]?.byWhen ?? '');
    });
  });

  it('keeps quotes, commas, newlines, accents, emoji and right-to-left text exact through RFC 4180 quoting', async () => {
    const [base] = makeSessions(1, { seed: 13 });
    const notes = 'He said "no", then: line 1\r\nline 2\nline 3, done — Zoë 😤 الفاتورة';
    const { parsed } = await exportAndParse([
      { ...base, wrapUp: { ...base.wrapUp, notes, caseReference: '"quoted"' } },
    ]);
    expect(parsed.data[1][column('notes')]).toBe(notes);
    expect(parsed.data[1][column('case_reference')]).toBe('"quoted"');
  });

  it('neutralises every text cell a spreadsheet would run as a formula, and keeps negative numbers numeric', async () => {
    const [base] = makeSessions(1, { seed: 14 });
    const attacks = [
      '=1+1',
      '+1',
      '-1',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      ' =1',
      '\n=1',
      '=HYPERLINK("http://x","y")',
    ];
    const sessions = attacks.map((text, i) => ({
      ...base,
      id: base.id.replace(/.$/, String(i)),
      agent: text,
      wrapUp: {
        ...base.wrapUp,
        notes: text,
        caseReference: text,
        priorities: [{ id: 'p', text, kind: 'emotional' as const, confirmed: true, rank: 1 }],
      },
      call: {
        ...base.call,
        loudness: {
          ...base.call.loudness,
          caller: { ...base.call.loudness.caller, integratedLufs: -23.5, peakDbfs: -0.25 },
        },
      },
    }));
    const { parsed } = await exportAndParse(sessions);
    const rows = parsed.data.slice(1, sessions.length + 1);
    rows.forEach((row, i) => {
      for (const name of ['agent', 'notes', 'case_reference', 'priority_1_text']) {
        expect(row[column(name)]).toBe(`'${attacks[i]}`);
      }
      expect(row[column('caller_integrated_lufs')]).toBe('-23.5');
      expect(row[column('caller_peak_dbfs')]).toBe('-0.25');
    });
  });

  it('leaves no text cell that starts like a formula in a large tricky export, and numeric columns parse as numbers', async () => {
    const sessions = makeSessions(400, { seed: 15, tricky: true });
    const { parsed } = await exportAndParse(sessions);
    const numeric = EXPORT_COLUMNS.map((c, i) => [c, i] as const).filter(
      ([c]) => c.type === 'number' || c.type === 'integer',
    );
    let negatives = 0;
    for (const row of parsed.data.slice(1, sessions.length + 1)) {
      EXPORT_COLUMNS.forEach((c, i) => {
        if (c.type === 'text') expect(row[i]).not.toMatch(FORMULA_START);
      });
      for (const [, i] of numeric) {
        if (row[i] === '') continue;
        expect(Number.isFinite(Number(row[i]))).toBe(true);
        if (row[i].startsWith('-')) negatives++;
      }
    }
    expect(negatives).toBeGreaterThan(400);
  });

  it('neutralizeFormula and csvField on their own', () => {
    expect(neutralizeFormula('plain')).toBe('plain');
    expect(neutralizeFormula('')).toBe('');
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(neutralizeFormula('=x')).toBe("'=x");
    expect(neutralizeFormula('  @x')).toBe("'  @x");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('plain')).toBe('plain');
  });

  it('the column table for the README lists every column in order', () => {
    const table = markdownColumnTable().split('\n');
    expect(table).toHaveLength(EXPORT_COLUMNS.length + 2);
    EXPORT_COLUMNS.forEach((c, i) =>
      expect(table[i + 2]).toContain(`| ${i + 1} | \`${c.name}\` | ${c.type} |`),
    );
    expect(new Set(EXPORT_COLUMN_NAMES).size).toBe(EXPORT_COLUMN_NAMES.length);
  });

  it('an empty export is the BOM and the header only', async () => {
    const { text } = await exportAndParse([]);
    expect(text).toBe(`\uFEFF${EXPORT_COLUMN_NAMES.join(',')}\r\n`);
  });
});
