/**
 * The export command line as a scheduled job runs it: a child process over a real data folder (sessions
 * stored by the repository), each format read back, filters, and exit code 2 with one line for bad flags.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_NAMES } from '../../../main/export/export-columns';
import { localDay } from '../../../preload/domain/calendar-day';
import { openSessionRepository } from '../../../main/sessions/session-repository';
import type { Session } from '../../../preload/contract/session-schema';
import { parseSessionExport } from '../../../renderer/src/team/import-session-export';
import { makeSessions } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';
import { languageEnv } from './cli-run';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'main/cli/export.ts');

const dirs = tempDirs('export-cli');
let dataDir: string;
let outDir: string;
const sessions = makeSessions(400, { seed: 81, fromDay: '2026-01-01', days: 45 });

beforeAll(() => {
  dataDir = dirs.make();
  outDir = dirs.make();
  expect(openSessionRepository({ dataDir }).saveMany(sessions)).toBe(400);
  fs.writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ profile: { agentName: 'Team Lead' } }),
  );
});
afterAll(() => dirs.cleanup());

function run(args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, env: languageEnv(), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What the repository should return for January: local days 2026-01-05..2026-01-31, newest first. */
function expected(filter: (s: Session) => boolean = () => true): Session[] {
  return sessions
    .filter((s) => {
      const day = localDay(new Date(s.startedAt));
      return day >= '2026-01-05' && day <= '2026-01-31' && filter(s);
    })
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

const range = ['--from', '2026-01-05', '--to', '2026-01-31'];

describe('npm run export', () => {
  it('csv: the matching sessions, newest first, in the documented columns', () => {
    const out = path.join(outDir, 'january.csv');
    const r = run([...range, '--format', 'csv', '--out', out, '--data-dir', dataDir]);
    const want = expected();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `Exported ${want.length} sessions (2026-01-05 to 2026-01-31) as CSV to ${out} (${fs.statSync(out).size} bytes).\n`,
    );
    const parsed = Papa.parse<Record<string, string>>(
      fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(parsed.meta.fields).toEqual([...EXPORT_COLUMN_NAMES]);
    expect(parsed.data.map((row) => row.session_id)).toEqual(want.map((s) => s.id));
    expect(want.length).toBeGreaterThan(150);
    expect(want.length).toBeLessThan(400);
  });

  it('json: re-imports into exactly the stored sessions, with the agent from the settings and the filter', () => {
    const out = path.join(outDir, 'january.json');
    expect(run([...range, '--format', 'json', '--out', out, '--data-dir', dataDir]).status).toBe(0);
    const outcome = parseSessionExport('january.json', fs.readFileSync(out, 'utf8'));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.file.sessions).toStrictEqual(expected());
    expect(outcome.file.header).toMatchObject({
      agent: 'Team Lead',
      filter: { from: '2026-01-05', to: '2026-01-31' },
    });
  });

  it('xlsx: one typed row per session', async () => {
    const out = path.join(outDir, 'january.xlsx');
    expect(run([...range, '--format', 'xlsx', '--out', out, '--data-dir', dataDir]).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Sessions')!;
    const want = expected();
    expect(sheet.rowCount).toBe(want.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(want[0].id);
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Date);
  });

  it('filters by agent and escalation like the session log', () => {
    const out = path.join(outDir, 'ana.json');
    const r = run([
      ...range,
      '--format',
      'json',
      '--out',
      out,
      '--data-dir',
      dataDir,
      '--agent',
      'Ana Souza',
      '--escalation',
      'none',
    ]);
    expect(r.status).toBe(0);
    const outcome = parseSessionExport('ana.json', fs.readFileSync(out, 'utf8'));
    const want = expected((s) => s.agent === 'Ana Souza' && s.wrapUp.escalation.kind === 'none');
    expect(outcome.ok && outcome.file.sessions.map((s) => s.id)).toEqual(want.map((s) => s.id));
    expect(want.length).toBeGreaterThan(20);
  });

  it('runs through the npm script with a path relative to where npm was started', () => {
    const r = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        '--prefix',
        ROOT,
        'export',
        '--',
        ...range,
        '--format',
        'csv',
        '--out',
        'via-npm.csv',
        '--data-dir',
        dataDir,
      ],
      {
        cwd: outDir,
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(outDir, 'via-npm.csv'))).toBe(true);
  });

  const bad: [string, string[], RegExp][] = [
    [
      'no --out',
      [...range, '--format', 'csv'],
      /^--out is required\. usage: npm run --silent export/,
    ],
    [
      'no --from',
      ['--to', '2026-01-31', '--format', 'csv', '--out', 'x.csv'],
      /^--from is required/,
    ],
    [
      'an unknown format',
      [...range, '--format', 'pdf', '--out', 'x.pdf'],
      /^--format must be one of csv, json, xlsx, not "pdf"\.$/,
    ],
    [
      'a day that does not exist',
      ['--from', '2026-02-30', '--to', '2026-03-01', '--format', 'csv', '--out', 'x.csv'],
      /^--from must be a calendar day like 2026-01-31, not "2026-02-30"\.$/,
    ],
    [
      'from after to',
      ['--from', '2026-02-01', '--to', '2026-01-01', '--format', 'csv', '--out', 'x.csv'],
      /^--from \(2026-02-01\) is after --to \(2026-01-01\)\.$/,
    ],
    [
      'an unknown flag',
      [...range, '--format', 'csv', '--out', 'x.csv', '--colour', 'red'],
      /^Unknown option --colour\. usage: npm run --silent export/,
    ],
    [
      'a positional argument',
      [...range, '--format', 'csv', '--out', 'x.csv', 'extra'],
      /^Unexpected argument "extra"\. usage: /,
    ],
    [
      'a flag without its value',
      [...range, '--format', 'csv', '--out'],
      /^--out needs a value\. usage: /,
    ],
    [
      'a bad follow-up status',
      [...range, '--format', 'csv', '--out', 'x.csv', '--follow-up', 'soon'],
      /^--follow-up must be one of due, overdue, open, done/,
    ],
  ];
  for (const [name, args, message] of bad) {
    it(`exits 2 with one line for ${name}, writing nothing`, () => {
      const before = fs.readdirSync(outDir);
      const r = run(
        [...args, '--data-dir', dataDir].map((a) =>
          a === 'x.csv' || a === 'x.pdf' ? path.join(outDir, a) : a,
        ),
      );
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(fs.readdirSync(outDir)).toEqual(before);
    });
  }

  it('exits 2 for a data folder or output folder that does not exist', () => {
    const missingData = run([
      ...range,
      '--format',
      'csv',
      '--out',
      path.join(outDir, 'y.csv'),
      '--data-dir',
      path.join(outDir, 'nope'),
    ]);
    expect(missingData.status).toBe(2);
    expect(missingData.stderr).toBe(`No Calm Line data folder at ${path.join(outDir, 'nope')}.\n`);
    const missingOut = run([
      ...range,
      '--format',
      'csv',
      '--out',
      path.join(outDir, 'nope', 'y.csv'),
      '--data-dir',
      dataDir,
    ]);
    expect(missingOut.status).toBe(2);
    expect(missingOut.stderr).toBe(
      `--out: the folder ${path.join(outDir, 'nope')} does not exist.\n`,
    );
  });
});
