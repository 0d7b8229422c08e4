/**
 * Notes as agents write them, at the limit: a note of 1,000,000 characters (the schema's maximum) mixing
 * text, emoji (ZWJ families, flags, skin tones), right-to-left script with bidi controls and control
 * characters; and shorter notes of each kind alone. Each goes through the app's own paths and must come
 * back exactly: saved and read over IPC (dispatch, with its payload limits) across a restart of the host,
 * as the open wrap-up's draft, exported as JSON and imported by the team view, exported as CSV and read
 * back with papaparse. XLSX keeps what a spreadsheet cell can hold (documented: 32,767 characters with
 * "…", line breaks as LF, characters XML cannot carry as U+FFFD) — and never splits an emoji.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/browser-host';
import { createHandlers } from '../../main/host/handlers';
import { dispatch } from '../../main/ipc/dispatch';
import { exportHeader, exportSessionsToFile } from '../../main/export/export-file';
import { EXPORT_COLUMN_NAMES } from '../../main/export/export-columns';
import type { ExportFormat } from '../../preload/contract/session-export-schema';
import type { WrapUpDraft } from '../../preload/contract/session-ipc-schema';
import type { Session } from '../../preload/contract/session-schema';
import { WRAP_UP_STEPS } from '../../preload/contract/settings-schema';
import { importOne } from '../../renderer/src/team/import-files';
import { importProblemText } from '../../renderer/src/team/import-problem';
import { ENGLISH_INTL } from '../../renderer/src/i18n/english-intl';
import { CONTROLS, EMOJI, RTL } from '../support/hostile-text';
import { makeSessions, seededRandom } from '../support/session-factory';

const MAX_NOTES = 1_000_000;
const WORDS = [
  'The',
  'customer',
  'was',
  'charged',
  'twice',
  'refund',
  'approved;',
  'call',
  'back',
  'Friday,',
  '"urgent"',
  'a,b',
  'naïve',
  'Straße',
  '東京',
  'x',
];

/** Code points (the schema counts characters the way zod does). */
const characters = (s: string) => [...s].length;

function mixedNote(seed: number, size: number): string {
  const rnd = seededRandom(seed);
  const parts: string[] = ['Notes: '];
  let count = characters(parts[0]);
  while (count < size) {
    const r = rnd();
    const piece =
      r < 0.55
        ? `${WORDS[Math.floor(rnd() * WORDS.length)]} `
        : r < 0.7
          ? EMOJI[Math.floor(rnd() * EMOJI.length)]
          : r < 0.82
            ? `${RTL[Math.floor(rnd() * RTL.length)]} `
            : r < 0.92
              ? CONTROLS[Math.floor(rnd() * CONTROLS.length)]
              : ['\r\n', '\n', '\r', '\t'][Math.floor(rnd() * 4)];
    parts.push(piece);
    count += characters(piece);
  }
  // Exactly `size` characters.
  return [...parts.join('')].slice(0, size).join('');
}

const NOTES: Record<string, string> = {
  'a 1,000,000-character note of everything': mixedNote(91, MAX_NOTES),
  emoji: `Customer said: ${EMOJI.join(' ')} ${EMOJI.join('')}`.repeat(50),
  'right-to-left text': `Reported: ${RTL.join(' | ')} — then English again.\n`.repeat(40),
  'control characters': `Start ${CONTROLS.join('·')} end.`,
  // An emoji across the XLSX cut (characters 32,766/32,767): the cell must not end in half of one.
  'emoji across the spreadsheet cut': `a${'😤'.repeat(20_000)}`,
};

describe('notes round trip', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'calm-line-notes-'));
  const dataDir = path.join(root, 'data');
  const rendererDir = path.join(root, 'no-renderer');
  const sessions: Session[] = [];
  let host: BrowserHost;
  const call = (method: string, payload: unknown) =>
    dispatch(createHandlers(host.services), method, payload);

  beforeAll(async () => {
    fs.mkdirSync(rendererDir);
    const base = makeSessions(Object.keys(NOTES).length, { seed: 92 });
    // No timeline or recording is saved with them (saveSession sets both from the files it finds).
    Object.values(NOTES).forEach((notes, i) =>
      sessions.push({
        ...base[i],
        hasTimeline: false,
        recording: null,
        wrapUp: { ...base[i].wrapUp, notes },
      }),
    );
    expect(characters(NOTES['a 1,000,000-character note of everything'])).toBe(MAX_NOTES);
    host = await startBrowserHost({ dataDir, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const names = Object.keys(NOTES);

  it('are saved over IPC and read back exactly after the host restarts; the draft too', async () => {
    for (const session of sessions) {
      const saved = await call('saveSession', { session });
      expect(saved.ok, JSON.stringify(saved).slice(0, 300)).toBe(true);
    }
    const longest = sessions[0];
    const draft: WrapUpDraft = {
      callId: '0f0e0d0c-0b0a-4900-8800-000000000001',
      startedAt: longest.startedAt,
      endedAt: longest.endedAt,
      call: longest.call,
      wrapUp: longest.wrapUp,
      step: WRAP_UP_STEPS[WRAP_UP_STEPS.length - 1],
      updatedAt: longest.savedAt,
      agent: longest.agent,
    };
    expect((await call('saveDraft', draft)).ok).toBe(true);

    await host.close();
    host = await startBrowserHost({ dataDir, rendererDir });
    for (const [i, session] of sessions.entries()) {
      const read = await call('getSession', { id: session.id });
      expect(read.ok).toBe(true);
      const value = (read as { value: Session }).value;
      expect(value.wrapUp.notes === session.wrapUp.notes, names[i]).toBe(true);
      expect(value).toEqual(session);
    }
    const restored = await call('getDraft', undefined);
    expect((restored as { value: WrapUpDraft }).value).toEqual(draft);
  });

  async function exportAs(format: ExportFormat): Promise<string> {
    const file = path.join(root, `notes.${format}`);
    await exportSessionsToFile(host.services.sessions!.repository.iterate({}), {
      format,
      filePath: file,
      header: exportHeader('Ana Souza', '0.1.0', {}, new Date('2026-03-01T12:00:00Z')),
    });
    return file;
  }

  it('JSON export → team import gives back every note exactly', async () => {
    const file = await exportAs('json');
    const outcome = await importOne(
      { file: new File([fs.readFileSync(file)], 'notes.json'), name: 'notes.json' },
      () => undefined,
    );
    expect(outcome.ok, outcome.ok ? '' : importProblemText(outcome.problem, ENGLISH_INTL)).toBe(
      true,
    );
    if (!outcome.ok) return;
    const byId = new Map(outcome.file.sessions.map((s) => [s.id, s]));
    for (const [i, session] of sessions.entries()) {
      expect(byId.get(session.id)?.wrapUp.notes === session.wrapUp.notes, names[i]).toBe(true);
      expect(byId.get(session.id)).toEqual(session);
    }
  });

  it('CSV export, read back as a spreadsheet reads it (RFC 4180), gives back every note exactly', async () => {
    const bytes = fs.readFileSync(await exportAs('csv'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const byId = new Map(parsed.data.map((row) => [row.session_id, row]));
    for (const [i, session] of sessions.entries()) {
      const cell = byId.get(session.id)?.notes;
      expect(
        cell === session.wrapUp.notes,
        `${names[i]}: CSV cell differs (length ${cell?.length} vs ${session.wrapUp.notes.length})`,
      ).toBe(true);
    }
  });

  it('XLSX export keeps what a cell can hold: emoji and right-to-left text intact, never half an emoji', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportAs('xlsx'));
    const sheet = workbook.getWorksheet('Sessions')!;
    const idColumn = EXPORT_COLUMN_NAMES.indexOf('session_id') + 1;
    const notesColumn = EXPORT_COLUMN_NAMES.indexOf('notes') + 1;
    const cells = new Map<string, string>();
    sheet.eachRow((row, n) => {
      if (n > 1)
        cells.set(
          String(row.getCell(idColumn).value),
          String(row.getCell(notesColumn).value ?? ''),
        );
    });
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const [i, session] of sessions.entries()) {
      const cell = cells.get(session.id)!;
      const notes = session.wrapUp.notes;
      expect(
        loneSurrogate.test(cell),
        `${names[i]}: a lone surrogate (half an emoji) in the cell`,
      ).toBe(false);
      expect(cell.length, names[i]).toBeLessThanOrEqual(32_767);
      if (names[i] === 'emoji' || names[i] === 'right-to-left text') {
        expect(cell === notes, `${names[i]}: cell differs`).toBe(true);
      } else if (names[i] === 'emoji across the spreadsheet cut') {
        // Cut before the emoji that did not fit, then "…".
        expect(cell.endsWith('…')).toBe(true);
        expect(notes.startsWith(cell.slice(0, -1))).toBe(true);
        expect(cell.length).toBeGreaterThanOrEqual(32_766);
      } else {
        // Line breaks as LF, control characters a cell cannot carry (C0 but tab and LF, and DEL) as U+FFFD, the rest as written.
        const shown = notes
          .replace(/\r\n?/g, '\n')
          // eslint-disable-next-line no-control-regex -- the characters a spreadsheet cell cannot hold
          .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '\uFFFD');
        if (shown.length <= 32_767) expect(cell === shown, `${names[i]}: cell differs`).toBe(true);
        else {
          expect(cell.endsWith('…')).toBe(true);
          const head = cell.slice(0, -1);
          let at = 0;
          while (at < head.length && head[at] === shown[at]) at++;
          expect(
            shown.startsWith(head),
            `${names[i]}: the cell is not the start of the note (first difference at ${at}: ${[...head.slice(at - 3, at + 3)].map((c) => c.codePointAt(0)!.toString(16))} vs ${[...shown.slice(at - 3, at + 3)].map((c) => c.codePointAt(0)!.toString(16))})`,
          ).toBe(true);
        }
      }
    }
  });
});
