import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { EXPORT_COLUMN_NAMES } from '../../../main/export/export-columns';
import { exportHeader, exportSessionsToFile } from '../../../main/export/export-file';
import { createExportService, type ExportTarget } from '../../../main/export/export-service';
import type { ExportFormat, ExportProgress } from '../../../preload/contract/session-export-schema';
import { EXPORT_FORMATS } from '../../../preload/contract/session-export-schema';
import type { Session } from '../../../preload/contract/session-schema';
import { parseSessionExport } from '../../../renderer/src/team/import-session-export';
import { makeSessions } from '../../support/session-factory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('export-files');
afterEach(() => dirs.cleanup());

const header = exportHeader(
  'Ana Souza',
  '0.1.0',
  { from: '2026-01-01' },
  new Date('2026-02-01T12:00:00Z'),
);
const sessions = makeSessions(2000, { seed: 61, tricky: true });

/** Yields the sessions, then throws after `failAfter` of them. */
async function* failingSource(all: Session[], failAfter: number): AsyncGenerator<Session> {
  for (let i = 0; i < all.length; i++) {
    if (i === failAfter) throw new Error('disk went away');
    yield all[i];
  }
}

describe('export files are written atomically', () => {
  for (const format of EXPORT_FORMATS) {
    it(`${format}: the finished file is complete and nothing else is left in the folder`, async () => {
      const dir = dirs.make();
      const file = path.join(dir, `out.${format}`);
      const bytes = await exportSessionsToFile(sessions.slice(0, 300), {
        format,
        filePath: file,
        header,
      });
      expect(fs.readdirSync(dir)).toEqual([`out.${format}`]);
      expect(fs.statSync(file).size).toBe(bytes);
    });

    it(`${format}: a cancel part-way leaves no file, and an existing file keeps its content`, async () => {
      const dir = dirs.make();
      const file = path.join(dir, `out.${format}`);
      fs.writeFileSync(file, 'the previous export');
      const controller = new AbortController();
      let seen = 0;
      const run = exportSessionsToFile(sessions, {
        format,
        filePath: file,
        header,
        progress: {
          signal: controller.signal,
          onSession: (n) => (
            (seen = n),
            n === 700 && controller.abort(new Error('cancelled by the user'))
          ),
        },
      });
      await expect(run).rejects.toThrow('cancelled by the user');
      expect(seen).toBe(700);
      expect(fs.readdirSync(dir)).toEqual([`out.${format}`]);
      expect(fs.readFileSync(file, 'utf8')).toBe('the previous export');
    });

    it(`${format}: a source that fails part-way leaves no file`, async () => {
      const dir = dirs.make();
      const file = path.join(dir, `out.${format}`);
      await expect(
        exportSessionsToFile(failingSource(sessions, 900), { format, filePath: file, header }),
      ).rejects.toThrow('disk went away');
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  }

  it('a folder that does not exist fails cleanly', async () => {
    const file = path.join(dirs.make(), 'missing', 'out.csv');
    await expect(
      exportSessionsToFile(sessions.slice(0, 5), { format: 'csv', filePath: file, header }),
    ).rejects.toThrow(/ENOENT/);
  });

  it('JSON export → team import gives back every session, every field, exactly, and the header', async () => {
    const file = path.join(dirs.make(), 'ana.json');
    await exportSessionsToFile(sessions, { format: 'json', filePath: file, header });
    const outcome = parseSessionExport('ana.json', fs.readFileSync(file, 'utf8'));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.file.sessions).toStrictEqual(sessions);
    expect(outcome.file.header).toStrictEqual(header);
  });
});

describe('agent ids: who synced each session', () => {
  // Two logins; a session's own name says nothing about who synced it (every other one is "Bob").
  const synced = makeSessions(40, { seed: 62, agents: ['Bob'] });
  const byId = new Map(synced.map((s, i) => [s.id, i % 3 === 0 ? 'bob' : 'ana']));
  const agentIds = { of: (s: Session) => byId.get(s.id) ?? null, inJson: true };

  it('CSV and XLSX: agent_id is the id given for each session, whatever name the session carries', async () => {
    const dir = dirs.make();
    await exportSessionsToFile(synced, {
      format: 'csv',
      filePath: path.join(dir, 'a.csv'),
      header,
      agentIds,
    });
    const csv = Papa.parse<Record<string, string>>(
      fs.readFileSync(path.join(dir, 'a.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual([...EXPORT_COLUMN_NAMES]);
    expect(csv.data.map((r) => [r.session_id, r.agent, r.agent_id])).toEqual(
      synced.map((s) => [s.id, 'Bob', byId.get(s.id)]),
    );

    await exportSessionsToFile(synced, {
      format: 'xlsx',
      filePath: path.join(dir, 'a.xlsx'),
      header,
      agentIds,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'a.xlsx'));
    const sheet = workbook.getWorksheet('Sessions')!;
    const idAt = EXPORT_COLUMN_NAMES.indexOf('session_id') + 1;
    const agentIdAt = EXPORT_COLUMN_NAMES.indexOf('agent_id') + 1;
    expect(sheet.getRow(1).getCell(agentIdAt).value).toBe('agent_id');
    const rows = synced.map((_, i) => sheet.getRow(i + 2));
    expect(rows.map((r) => [r.getCell(idAt).value, r.getCell(agentIdAt).value])).toEqual(
      synced.map((s) => [s.id, byId.get(s.id)]),
    );
  });

  it('without agent ids the column is empty (a folder with no team store)', async () => {
    const file = path.join(dirs.make(), 'b.csv');
    await exportSessionsToFile(synced, { format: 'csv', filePath: file, header });
    const csv = Papa.parse<Record<string, string>>(
      fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(csv.data).toHaveLength(synced.length);
    expect(new Set(csv.data.map((r) => r.agent_id))).toEqual(new Set(['']));
  });

  it('JSON from the store lists agentIds after the sessions, and the team import still reads it', async () => {
    const dir = dirs.make();
    const file = path.join(dir, 'team.json');
    await exportSessionsToFile(synced, { format: 'json', filePath: file, header, agentIds });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.indexOf('"agentIds"')).toBeGreaterThan(text.lastIndexOf('"schemaVersion"'));
    const outcome = parseSessionExport('team.json', text);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.file.sessions).toStrictEqual(synced);
    expect(outcome.file.header.agentIds).toStrictEqual(Object.fromEntries(byId));

    // A local JSON export (inJson false) stays as it was: no agentIds.
    const local = path.join(dir, 'local.json');
    await exportSessionsToFile(synced, {
      format: 'json',
      filePath: local,
      header,
      agentIds: { ...agentIds, inJson: false },
    });
    expect(JSON.parse(fs.readFileSync(local, 'utf8'))).not.toHaveProperty('agentIds');
  });
});

describe('export service', () => {
  function service(
    dir: string,
    source: (n: number) => AsyncIterable<Session> | Session[],
    choose: 'file' | 'cancel-dialog' = 'file',
    agentId?: () => string | null,
  ) {
    const events: ExportProgress[] = [];
    const completed: string[] = [];
    const abandoned: string[] = [];
    const svc = createExportService({
      sessions: () => source(sessions.length),
      count: async () => sessions.length,
      targets: {
        async choose(name, format: ExportFormat): Promise<ExportTarget | null> {
          if (choose === 'cancel-dialog') return null;
          const filePath = path.join(dir, name);
          expect(name.endsWith(`.${format}`)).toBe(true);
          return { filePath, delivery: { kind: 'file', path: filePath } };
        },
        completed: (t) => completed.push(t.filePath),
        abandoned: (t) => abandoned.push(t.filePath),
      },
      agentName: () => 'Ana Souza',
      agentId,
      appVersion: '0.1.0',
      now: () => new Date('2026-02-01T12:00:00Z'),
      progressIntervalMs: 0,
    });
    svc.onProgress((p) => events.push(p));
    return { svc, events, completed, abandoned };
  }

  it('counts, writes in the background with progress, and ends with one "done" naming the file', async () => {
    const dir = dirs.make();
    const { svc, events, completed } = service(dir, () => sessions);
    expect(await svc.count({})).toBe(2000);
    const started = await svc.start({
      format: 'csv',
      filter: { from: '2026-01-01', to: '2026-01-31' },
    });
    expect(started).toMatchObject({
      total: 2000,
      fileName: 'calm-line-sessions_2026-01-01_2026-01-31.csv',
    });
    await svc.idle();
    const last = events.at(-1);
    const file = path.join(dir, 'calm-line-sessions_2026-01-01_2026-01-31.csv');
    expect(last).toMatchObject({
      exportId: started?.exportId,
      state: 'done',
      written: 2000,
      total: 2000,
      delivery: { kind: 'file', path: file },
    });
    expect(events.filter((e) => e.state !== 'running')).toHaveLength(1);
    expect(events.filter((e) => e.state === 'running').length).toBeGreaterThan(10);
    expect(completed).toEqual([file]);
    expect(fs.readFileSync(file, 'utf8').split('\r\n').length).toBeGreaterThan(2000);
  });

  it("the Export dialog's agent_id is the agent id this computer syncs under, empty without a team store", async () => {
    for (const agentId of ['ana', null]) {
      const dir = dirs.make();
      const { svc } = service(
        dir,
        () => sessions.slice(0, 30),
        'file',
        () => agentId,
      );
      await svc.start({ format: 'csv', filter: {} });
      await svc.idle();
      const [file] = fs.readdirSync(dir);
      const csv = Papa.parse<Record<string, string>>(
        fs.readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, ''),
        { header: true, skipEmptyLines: true },
      );
      expect(csv.data).toHaveLength(30);
      expect(new Set(csv.data.map((r) => r.agent_id))).toEqual(new Set([agentId ?? '']));
    }
  });

  it('cancel stops a running export: one "cancelled" event and no file', async () => {
    const dir = dirs.make();
    async function* slow(): AsyncGenerator<Session> {
      for (const s of sessions) {
        await nextTurn();
        yield s;
      }
    }
    const { svc, events, abandoned } = service(dir, slow);
    const started = await svc.start({ format: 'xlsx', filter: {} });
    expect(started).not.toBeNull();
    while (!events.some((e) => e.state === 'running' && e.written >= 100)) await nextTurn();
    expect(svc.cancel(started!.exportId)).toBe(true);
    await svc.idle();
    expect(events.at(-1)).toMatchObject({ state: 'cancelled' });
    expect(events.at(-1)!.written).toBeLessThan(2000);
    expect(abandoned).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(svc.cancel(started!.exportId)).toBe(false);
  });

  it('a cancelled save dialog starts nothing', async () => {
    const dir = dirs.make();
    const { svc, events } = service(dir, () => sessions, 'cancel-dialog');
    expect(await svc.start({ format: 'json', filter: {} })).toBeNull();
    await svc.idle();
    expect(events).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a failing source ends with "failed" and its reason, and no file', async () => {
    const dir = dirs.make();
    const { svc, events } = service(dir, () => failingSource(sessions, 10));
    await svc.start({ format: 'json', filter: {} });
    await svc.idle();
    expect(events.at(-1)).toMatchObject({ state: 'failed', message: 'disk went away' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
