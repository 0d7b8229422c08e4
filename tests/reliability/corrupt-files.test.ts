/**
 * Store files that are truncated, not JSON, or written by a newer version of Calm Line: a session
 * partition, the wrap-up draft, a call timeline, the settings file, and the rebuildable caches (a
 * partition's index file, the index snapshot). For each, the browser host (real services, as `npm run
 * start:browser` opens them) starts on the damaged folder and the app is used: the bad file is moved aside
 * unchanged with a timestamp in its name (settings: kept beside as a backup), the host's log says what
 * happened and where the file is now, and everything else — other sessions, settings, the draft,
 * timelines — is exactly as it was. The app keeps saving afterwards without touching the moved file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/browser-host';
import { TIMELINE_FILE_VERSION } from '../../main/sessions/timeline-store';
import type { SessionServices } from '../../main/host/session-services';
import { SESSION_SCHEMA_VERSION, type Session } from '../../preload/contract/session-schema';
import type { WrapUpDraft } from '../../preload/contract/session-ipc-schema';
import type { Settings } from '../../preload/contract/settings-schema';
import type { CallTimeline } from '../../renderer/engine/call-types';
import { makeSessions } from '../support/session-factory';

const RENDERER_DIR = path.join(os.tmpdir(), 'calm-line-no-renderer');

interface Snapshot {
  sessions: Map<string, Session>;
  timelines: Map<string, CallTimeline>;
  draft: WrapUpDraft | null;
  settings: Settings;
}

async function open(
  dataDir: string,
): Promise<{ host: BrowserHost; log: string[]; sessions: SessionServices }> {
  const log: string[] = [];
  const host = await startBrowserHost({
    dataDir,
    rendererDir: RENDERER_DIR,
    log: (m) => log.push(m),
  });
  return { host, log, sessions: host.services.sessions! };
}

/** Everything the app shows, read through the services as the screens read it. */
async function readAll(
  sessions: SessionServices,
  host: BrowserHost,
  ids: Iterable<string>,
  timelineIds: Iterable<string>,
): Promise<Snapshot> {
  const out: Snapshot = {
    sessions: new Map(),
    timelines: new Map(),
    draft: sessions.drafts.get(),
    settings: host.services.settings.get(),
  };
  sessions.repository.list({});
  for (const id of ids) {
    const s = sessions.repository.get(id);
    if (s) out.sessions.set(id, s);
  }
  for await (const s of sessions.repository.iterate({}))
    if (!out.sessions.has(s.id)) out.sessions.set(s.id, s);
  for (const id of timelineIds) {
    const t = sessions.timelines.get(id);
    if (t) out.timelines.set(id, t);
  }
  return out;
}

function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

type Damage = 'truncated' | 'not JSON' | 'newer version';

function damage(text: string, how: Damage, bump: (doc: Record<string, unknown>) => void): string {
  if (how === 'truncated') return text.slice(0, Math.floor(text.length / 2));
  if (how === 'not JSON') return `\u0000\u0001\u00ff garbage {{ ${text.slice(0, 40)}`;
  const doc = JSON.parse(text) as Record<string, unknown>;
  bump(doc);
  return JSON.stringify(doc);
}

describe('corrupt and future store files', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'calm-line-corrupt-'));
  const pristine = path.join(root, 'pristine');
  let before: Snapshot;
  let allIds: string[];
  let timelineIds: string[];
  let partitionOf: (id: string) => string;

  beforeAll(async () => {
    fs.mkdirSync(RENDERER_DIR, { recursive: true });
    const { host, sessions } = await open(pristine);
    expect(
      host.services.settings.update({ profile: { agentName: 'Ana Souza' }, cue: { pauseSec: 1.4 } })
        .ok,
    ).toBe(true);
    const saved = makeSessions(30, { seed: 71, days: 3 });
    sessions.repository.saveMany(saved);
    allIds = saved.map((s) => s.id);
    timelineIds = allIds.slice(0, 6);
    for (const [i, id] of timelineIds.entries()) {
      sessions.timelines.save(id, {
        stepSec: 0.1,
        caller: { momentary: [null, -30 - i, -28], shortTerm: [null, -31, -29] },
        agent: { momentary: [null, -25, -26], shortTerm: [null, -26, -27] },
      });
    }
    const open1 = makeSessions(1, { seed: 72 })[0];
    sessions.drafts.save({
      callId: open1.id,
      startedAt: open1.startedAt,
      endedAt: open1.endedAt,
      call: open1.call,
      wrapUp: { ...open1.wrapUp, notes: 'Customer waiting for the refund; call back Friday.' },
      step: 'priorities',
      updatedAt: open1.savedAt,
      agent: 'Ana Souza',
    });
    sessions.repository.flush();
    before = await readAll(sessions, host, allIds, timelineIds);
    expect(before.sessions.size).toBe(30);
    expect(before.draft).not.toBeNull();
    expect(before.timelines.size).toBe(6);
    const byPartition = new Map(
      filesUnder(path.join(pristine, 'sessions'))
        .filter((f) => /\d{4}-\d{2}-\d{2}\.json$/.test(f))
        .map((f) => [f, JSON.parse(fs.readFileSync(f, 'utf8')) as { sessions: Session[] }]),
    );
    partitionOf = (id) =>
      [...byPartition].find(([, doc]) => doc.sessions.some((s) => s.id === id))![0];
    await host.close();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const targets: {
    name: string;
    file: (dataDir: string) => string;
    bump: (doc: Record<string, unknown>) => void;
    lost: (s: Snapshot) => { sessions?: string[]; timelines?: string[]; draft?: boolean };
  }[] = [
    {
      name: 'a session partition',
      file: (dir) => path.join(dir, path.relative(pristine, partitionOf(allIds[0]))),
      bump: (doc) => (doc.schemaVersion = SESSION_SCHEMA_VERSION + 1),
      lost: () => {
        const doc = JSON.parse(fs.readFileSync(partitionOf(allIds[0]), 'utf8')) as {
          sessions: Session[];
        };
        return { sessions: doc.sessions.map((s) => s.id) };
      },
    },
    {
      name: 'the wrap-up draft',
      file: (dir) => path.join(dir, 'drafts', 'wrap-up-draft.json'),
      bump: (doc) => (doc.schemaVersion = SESSION_SCHEMA_VERSION + 1),
      lost: () => ({ draft: true }),
    },
    {
      name: 'a call timeline',
      file: (dir) =>
        filesUnder(path.join(dir, 'timelines')).find((f) => f.endsWith(`${timelineIds[0]}.json`))!,
      bump: (doc) => (doc.schemaVersion = TIMELINE_FILE_VERSION + 1),
      lost: () => ({ timelines: [timelineIds[0]] }),
    },
  ];

  const damages: Damage[] = ['truncated', 'not JSON', 'newer version'];
  let caseNo = 0;

  for (const target of targets) {
    for (const how of damages) {
      it(`${target.name}, ${how}: moved aside unchanged, the log says where, nothing else lost`, async () => {
        const dataDir = path.join(root, `case-${++caseNo}`);
        copyDir(pristine, dataDir);
        const file = target.file(dataDir);
        const bad = damage(fs.readFileSync(file, 'utf8'), how, target.bump);
        fs.writeFileSync(file, bad);

        const { host, log, sessions } = await open(dataDir);
        try {
          const after = await readAll(sessions, host, allIds, timelineIds);
          // Moved aside, byte for byte, with a timestamp in its name, in the same folder.
          const base = path.basename(file, '.json');
          const moved = fs
            .readdirSync(path.dirname(file))
            .filter((n) => n.startsWith(`${base}.corrupt-`));
          expect(moved, `files beside ${file}`).toHaveLength(1);
          expect(moved[0]).toMatch(
            new RegExp(
              `^${base}\\.corrupt-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z(-\\d+)?\\.json$`,
            ),
          );
          const movedPath = path.join(path.dirname(file), moved[0]);
          expect(fs.readFileSync(movedPath, 'utf8')).toBe(bad);
          // The user is told what happened and where the file is (the host's log; the problem list).
          const told = log.filter((m) => m.includes(path.basename(file)));
          expect(told, log.join('\n')).toHaveLength(1);
          expect(told[0]).toContain(movedPath);
          expect(told[0]).toMatch(
            how === 'newer version' ? /newer version of Calm Line/ : /could not be read/,
          );
          expect(sessions.problems.list().map((p) => p.movedTo)).toEqual([movedPath]);

          // Nothing else lost.
          const lost = target.lost(before);
          for (const [id, s] of before.sessions) {
            if (lost.sessions?.includes(id)) expect(after.sessions.has(id)).toBe(false);
            else expect(after.sessions.get(id), `session ${id}`).toEqual(s);
          }
          for (const [id, t] of before.timelines) {
            if (lost.timelines?.includes(id)) expect(after.timelines.has(id)).toBe(false);
            else expect(after.timelines.get(id), `timeline ${id}`).toEqual(t);
          }
          expect(after.draft).toEqual(lost.draft ? null : before.draft);
          expect(after.settings).toEqual(before.settings);

          // The app goes on: saving works, and the moved file stays as it was.
          const fresh = makeSessions(1, { seed: 73 })[0];
          const sameDay = before.sessions.get(allIds[0])!;
          sessions.repository.save({
            ...fresh,
            startedAt: sameDay.startedAt,
            endedAt: sameDay.endedAt,
            savedAt: sameDay.savedAt,
          });
          expect(sessions.repository.get(fresh.id)?.id).toBe(fresh.id);
          expect(fs.readFileSync(movedPath, 'utf8')).toBe(bad);
        } finally {
          await host.close();
        }
        // And the next start finds nothing more to move.
        const again = await open(dataDir);
        try {
          await readAll(again.sessions, again.host, allIds, timelineIds);
          expect(again.sessions.problems.list()).toEqual([]);
        } finally {
          await again.host.close();
        }
      });
    }
  }

  for (const cache of [
    'a partition index file',
    'the index snapshot',
    'the search-text snapshot',
  ] as const) {
    for (const how of ['truncated', 'not JSON'] as const) {
      it(`${cache}, ${how}: rebuilt from the sessions, nothing lost, nothing to tell`, async () => {
        const dataDir = path.join(root, `case-${++caseNo}`);
        copyDir(pristine, dataDir);
        const sessionsDir = path.join(dataDir, 'sessions');
        const file =
          cache === 'a partition index file'
            ? path
                .join(dataDir, path.relative(pristine, partitionOf(allIds[0])))
                .replace(/\.json$/, '.index.json')
            : path.join(
                sessionsDir,
                cache === 'the index snapshot' ? 'index-snapshot.json' : 'index-snapshot-text.json',
              );
        expect(fs.existsSync(file), file).toBe(true);
        fs.writeFileSync(
          file,
          damage(fs.readFileSync(file, 'utf8'), how, () => undefined),
        );
        const { host, log, sessions } = await open(dataDir);
        try {
          const after = await readAll(sessions, host, allIds, timelineIds);
          expect([...after.sessions.keys()].sort()).toEqual([...before.sessions.keys()].sort());
          for (const [id, s] of before.sessions) expect(after.sessions.get(id)).toEqual(s);
          // The log and search still find every session.
          expect(sessions.repository.list({}).total).toBe(30);
          const withReference = [...before.sessions.values()].find((s) =>
            /^\S{4,}$/.test(s.wrapUp.caseReference),
          )!;
          expect(withReference).toBeDefined();
          expect(
            sessions.repository
              .list({ text: withReference.wrapUp.caseReference })
              .rows.map((r) => r.id),
          ).toContain(withReference.id);
          expect(sessions.problems.list()).toEqual([]);
          expect(log.filter((m) => /moved|could not be read/.test(m))).toEqual([]);
        } finally {
          await host.close();
        }
      });
    }
  }

  describe('the settings file', () => {
    for (const how of damages) {
      it(`${how}: the app starts, the original is kept beside with a timestamp, the log says what happened and where, sessions untouched`, async () => {
        const dataDir = path.join(root, `case-${++caseNo}`);
        copyDir(pristine, dataDir);
        const file = path.join(dataDir, 'settings.json');
        const bad = damage(fs.readFileSync(file, 'utf8'), how, (doc) => {
          // A newer version: a section this one does not know, and a field it does know, in a new shape.
          doc.schemaVersion = 7;
          doc.teleprompter = { enabled: true, speed: 3 };
          (doc.ui as Record<string, unknown>).theme = 'dark';
        });
        fs.writeFileSync(file, bad);
        const { host, log, sessions } = await open(dataDir);
        try {
          const after = await readAll(sessions, host, allIds, timelineIds);
          const backups = fs.readdirSync(dataDir).filter((n) => n.startsWith('settings.json.bak-'));
          expect(backups).toHaveLength(1);
          expect(backups[0]).toMatch(
            /^settings\.json\.bak-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/,
          );
          const backupPath = path.join(dataDir, backups[0]);
          expect(fs.readFileSync(backupPath, 'utf8')).toBe(bad);
          const told = log.filter((m) => m.includes(backupPath));
          expect(told, log.join('\n')).toHaveLength(1);
          if (how === 'newer version') {
            // Everything this version knows is kept; the message must not claim the settings were reset.
            expect(after.settings).toEqual(before.settings);
            expect(told[0]).not.toMatch(/back to defaults/);
          } else {
            expect(told[0]).toMatch(/back to defaults/);
            expect(isDeepStrictEqual(after.settings, before.settings)).toBe(false);
          }
          for (const [id, s] of before.sessions) expect(after.sessions.get(id)).toEqual(s);
          expect(after.draft).toEqual(before.draft);
          expect(after.timelines).toEqual(before.timelines);
          // Settings can be changed and saved again.
          expect(host.services.settings.update({ profile: { agentName: 'Björn' } }).ok).toBe(true);
          expect(JSON.parse(fs.readFileSync(file, 'utf8')).profile.agentName).toBe('Björn');
          expect(fs.readFileSync(backupPath, 'utf8')).toBe(bad);
        } finally {
          await host.close();
        }
      });
    }
  });
});
