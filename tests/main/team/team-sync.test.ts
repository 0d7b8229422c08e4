/**
 * Three agents' data folders sync to one real PostgreSQL store; the team lead reads every session once,
 * with its agent, whole (the session that comes back is the one saved); an edit after sync updates the row
 * (and an older copy never replaces a newer one); the `team` command migrates, syncs and reports.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_NAMES } from '../../../main/export/export-columns';
import type { Session } from '../../../preload/contract/session-schema';
import { openTeamStore } from '../../../main/team/team-store';
import { localDay } from '../../../preload/domain/calendar-day';
import {
  computeTeamTrends,
  computeTeamTrendsFromFigures,
} from '../../../renderer/src/team/team-series';
import { makeSessions } from '../../support/session-factory';
import { postgresUnavailableReason } from '../../support/postgres-server';
import {
  agentDataDir,
  openAgentApp,
  startTeamFixture,
  type AgentLogin,
  type TeamFixture,
} from './team-fixture';

const run = promisify(execFile);
const unavailable = postgresUnavailableReason();
const REPO = path.resolve(__dirname, '../../..');

const AGENTS: (AgentLogin & { name: string; seed: number })[] = [
  { role: 'ana', password: 'pw-ana', teamId: 'north', agentId: 'ana', name: 'Ana Souza', seed: 1 },
  {
    role: 'bjorn',
    password: 'pw-bjorn',
    teamId: 'north',
    agentId: 'bjorn',
    name: 'Björn Lindqvist',
    seed: 2,
  },
  {
    role: 'chidi',
    password: 'pw-chidi',
    teamId: 'north',
    agentId: 'chidi',
    name: 'Chidi Okafor',
    seed: 3,
  },
];
const PER_AGENT = 120;

async function teamCli(args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'main/cli/team.ts', ...args], {
      cwd: REPO,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(unavailable !== null)(
  'team store: three agents, one lead (real PostgreSQL)',
  () => {
    let fx: TeamFixture;
    const dataDirs = new Map<string, string>();
    const saved = new Map<string, Session[]>();

    beforeAll(async () => {
      fx = await startTeamFixture();
      for (const agent of AGENTS) {
        await fx.addAgent(agent);
        const sessions = makeSessions(PER_AGENT, {
          seed: agent.seed,
          agents: [agent.name],
          tricky: true,
        });
        saved.set(agent.role, sessions);
        dataDirs.set(agent.role, agentDataDir(fx.config(agent), sessions));
      }
      await fx.addLead('lena', 'pw-lena', ['north']);
    });
    afterAll(async () => {
      await fx?.close();
      for (const dir of dataDirs.values()) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('syncs every agent: two in the app, one with `team sync`; the lead sees each session once with its agent', async () => {
      for (const agent of AGENTS.slice(0, 2)) {
        const app = openAgentApp(dataDirs.get(agent.role)!, fx.config(agent));
        const result = await app.team.sync!.pushNow();
        expect(result).toEqual({ sent: PER_AGENT, refused: 0, error: null });
        expect(app.team.status()).toMatchObject({ state: 'synced', queued: 0, error: null });
        await app.close();
      }
      const cli = await teamCli(['sync', '--data-dir', dataDirs.get('chidi')!]);
      expect(cli.stderr).toBe('');
      expect(cli.stdout).toMatch(
        /^Sent 120 sessions as north\/chidi at 127\.0\.0\.1:\d+\/calm; none queued\.\n$/,
      );
      expect(cli.code).toBe(0);

      const lead = openTeamStore(fx.poolAs('lena', 'pw-lena'), {
        teamId: 'north',
        agentId: 'lena',
      });
      const page = await lead.list({ limit: 500 }, localDay(new Date()));
      expect(page.total).toBe(3 * PER_AGENT);
      const ids = page.rows.map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const agent of AGENTS) {
        const mine = page.rows.filter((row) => row.agentId === agent.agentId);
        expect(mine).toHaveLength(PER_AGENT);
        expect(new Set(mine.map((row) => row.agent))).toEqual(new Set([agent.name]));
      }
      // Whole sessions come back exactly as saved (the export reads these).
      const back = new Map<string, Session>();
      for await (const session of lead.iterate({}, localDay(new Date())))
        back.set(session.id, session);
      expect(back.size).toBe(3 * PER_AGENT);
      for (const sessions of saved.values())
        for (const session of sessions) expect(back.get(session.id)).toEqual(session);
    });

    it("a lead's app with no calls of its own is synced without an agent row; one with a call to send is told in one line", async () => {
      const dir = agentDataDir(fx.config({ role: 'lena', password: 'pw-lena', teamId: 'north' }));
      dataDirs.set('lena-own', dir);
      const app = openAgentApp(
        dir,
        fx.config({ role: 'lena', password: 'pw-lena', teamId: 'north' }),
      );
      expect(await app.team.sync!.pushNow()).toEqual({ sent: 0, refused: 0, error: null });
      expect(app.team.status()).toMatchObject({ state: 'synced', queued: 0, error: null });
      // A call saved in the lead's own folder cannot go under a login with no agent row: said, kept queued.
      app.repository.save(makeSessions(1, { seed: 98, agents: ['Lena'] })[0]);
      const result = await app.team.sync!.pushNow();
      expect(result).toMatchObject({ sent: 0, refused: 0 });
      expect(result.error).toMatch(
        /^the team store has no agent row for login "lena" in team north /,
      );
      expect(app.team.status()).toMatchObject({ state: 'error', queued: 1, error: result.error });
      await app.close();
    });

    it('filters and pages like the session log', async () => {
      const lead = openTeamStore(fx.poolAs('lena', 'pw-lena'), {
        teamId: 'north',
        agentId: 'lena',
      });
      const today = localDay(new Date());
      const all = [...saved.values()].flat();
      const escalated = all.filter((s) => s.wrapUp.escalation.kind === 'handed-off').length;
      expect(await lead.count({ escalation: 'handed-off' }, today)).toBe(escalated);
      const unresolved = all.filter((s) => s.wrapUp.resolution === null).length;
      expect(await lead.count({ resolution: 'none' }, today)).toBe(unresolved);
      expect(await lead.count({ agent: 'Björn Lindqvist' }, today)).toBe(PER_AGENT);
      // Days only: answered from the hourly sums plus the partial hours at the ends — the same numbers
      // as counting the sessions (local calendar days), for a lead and for an agent (own rows only).
      const days = [...new Set(all.map((s) => localDay(new Date(s.startedAt))))].sort();
      const ranges: [string | undefined, string | undefined][] = [
        [days[3], days[days.length - 5]],
        [days[10], days[10]],
        [undefined, days[7]],
        [days[20], undefined],
        [undefined, undefined],
      ];
      const ana = openTeamStore(fx.poolAs('ana', 'pw-ana'), { teamId: 'north', agentId: 'ana' });
      for (const [from, to] of ranges) {
        const inRange = (s: Session) => {
          const day = localDay(new Date(s.startedAt));
          return (from === undefined || day >= from) && (to === undefined || day <= to);
        };
        expect(await lead.count({ from, to }, today)).toBe(all.filter(inRange).length);
        expect(await lead.count({ from, to, team: 'north' }, today)).toBe(
          all.filter(inRange).length,
        );
        expect(await ana.count({ from, to }, today)).toBe(saved.get('ana')!.filter(inRange).length);
      }
      const first = await lead.list({ limit: 50, offset: 0 }, today);
      const second = await lead.list({ limit: 50, offset: 50 }, today);
      const newestFirst = [...all].sort(
        (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt),
      );
      expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(
        newestFirst.slice(0, 100).map((s) => s.id),
      );
      // The charts: the store's per-day sums give the same trends as the sessions themselves.
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const figures = await lead.figures({}, today, timeZone);
      expect(computeTeamTrendsFromFigures(figures, today)).toEqual(
        computeTeamTrends(
          // Grouped by the agent id the store recorded, labelled with the agent's display name.
          [...saved].flatMap(([role, sessions]) =>
            sessions.map((session) => ({ session, agent: `${session.agent} (${role})` })),
          ),
          today,
        ),
      );
    });

    it('`export --source team` writes what a local export of the same sessions writes, plus who synced each: agent_id by login, not by name', async () => {
      // Ana saves (and syncs) a call under Björn's display name: it is still Ana's.
      const [impostor] = makeSessions(1, { seed: 99, agents: ['Björn Lindqvist'] });
      const ana = openAgentApp(dataDirs.get('ana')!, fx.config(AGENTS[0]));
      ana.repository.save(impostor);
      expect(await ana.team.sync!.pushNow()).toEqual({ sent: 1, refused: 0, error: null });
      await ana.close();
      const syncedBy = new Map<string, string>([[impostor.id, 'ana']]);
      for (const [role, sessions] of saved) for (const s of sessions) syncedBy.set(s.id, role);
      const total = 3 * PER_AGENT + 1;

      const leadDir = agentDataDir(
        fx.config({ role: 'lena', password: 'pw-lena', teamId: 'north' }),
      );
      const allLocal = agentDataDir(null, [...[...saved.values()].flat(), impostor]);
      dataDirs.set('lena', leadDir);
      dataDirs.set('all', allLocal);
      const exportCli = async (args: string[]) => {
        try {
          const { stdout, stderr } = await run(
            'npx',
            ['tsx', 'main/cli/export.ts', '--from', '2026-01-01', '--to', '2026-03-31', ...args],
            { cwd: REPO },
          );
          return { code: 0, stdout, stderr };
        } catch (error) {
          return error as { code: number; stdout: string; stderr: string };
        }
      };
      const readCsv = (file: string) => {
        const parsed = Papa.parse<Record<string, string>>(
          fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
          { header: true, skipEmptyLines: true },
        );
        expect(parsed.errors).toEqual([]);
        expect(parsed.meta.fields).toEqual([...EXPORT_COLUMN_NAMES]);
        return parsed.data;
      };
      const withoutAgentId = (rows: Record<string, string>[]) =>
        rows.map((row) =>
          Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'agent_id')),
        );
      const countBy = (rows: Record<string, string>[], key: string) => {
        const counts: Record<string, number> = {};
        for (const row of rows) counts[row[key]] = (counts[row[key]] ?? 0) + 1;
        return counts;
      };

      for (const format of ['csv', 'xlsx', 'json'] as const) {
        const fromTeam = path.join(leadDir, `team.${format}`);
        const fromLocal = path.join(allLocal, `local.${format}`);
        const team = await exportCli([
          '--format',
          format,
          '--out',
          fromTeam,
          '--data-dir',
          leadDir,
          '--source',
          'team',
          '--team',
          'north',
        ]);
        expect(team.stderr).toBe('');
        expect(team.stdout).toMatch(
          new RegExp(
            `^Exported ${total} sessions \\(2026-01-01 to 2026-03-31\\) from the team store at 127\\.0\\.0\\.1:\\d+/calm as ${format.toUpperCase()} to `,
          ),
        );
        const local = await exportCli([
          '--format',
          format,
          '--out',
          fromLocal,
          '--data-dir',
          allLocal,
        ]);
        expect(local.code).toBe(0);
        if (format === 'csv') {
          const teamRows = readCsv(fromTeam);
          const localRows = readCsv(fromLocal);
          expect(teamRows).toHaveLength(total);
          // Every other column exactly as the local export writes it.
          expect(withoutAgentId(teamRows)).toEqual(withoutAgentId(localRows));
          // agent_id: the login that synced the row; a folder without a team store has none.
          expect(teamRows.map((r) => [r.session_id, r.agent_id])).toEqual(
            teamRows.map((r) => [r.session_id, syncedBy.get(r.session_id)]),
          );
          expect(teamRows.find((r) => r.session_id === impostor.id)).toMatchObject({
            agent: 'Björn Lindqvist',
            agent_id: 'ana',
          });
          expect(countBy(teamRows, 'agent_id')).toEqual({
            ana: PER_AGENT + 1,
            bjorn: PER_AGENT,
            chidi: PER_AGENT,
          });
          expect(countBy(teamRows, 'agent')['Björn Lindqvist']).toBe(PER_AGENT + 1);
          expect(new Set(localRows.map((r) => r.agent_id))).toEqual(new Set(['']));
        } else if (format === 'xlsx') {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.readFile(fromTeam);
          const sheet = workbook.getWorksheet('Sessions')!;
          const idAt = EXPORT_COLUMN_NAMES.indexOf('session_id') + 1;
          const agentIdAt = EXPORT_COLUMN_NAMES.indexOf('agent_id') + 1;
          expect(sheet.getRow(1).getCell(agentIdAt).value).toBe('agent_id');
          expect(sheet.rowCount).toBe(total + 1);
          const pairs: [unknown, unknown][] = [];
          for (let r = 2; r <= total + 1; r++) {
            const row = sheet.getRow(r);
            pairs.push([row.getCell(idAt).value, row.getCell(agentIdAt).value]);
          }
          expect(pairs).toEqual(pairs.map(([id]) => [id, syncedBy.get(id as string)]));
          expect(pairs).toContainEqual([impostor.id, 'ana']);
        } else {
          const a = JSON.parse(fs.readFileSync(fromTeam, 'utf8'));
          const b = JSON.parse(fs.readFileSync(fromLocal, 'utf8'));
          expect(a.sessions).toEqual(b.sessions);
          expect(new Set(a.sessions.map((s: Session) => s.id)).size).toBe(total);
          expect(a.agentIds).toEqual(Object.fromEntries(syncedBy));
          expect(b).not.toHaveProperty('agentIds');
        }
      }

      // Ana's own folder (team store configured): her local export credits her, the impostor too.
      const anaCsv = path.join(dataDirs.get('ana')!, 'mine.csv');
      const mine = await exportCli([
        '--format',
        'csv',
        '--out',
        anaCsv,
        '--data-dir',
        dataDirs.get('ana')!,
      ]);
      expect(mine.code).toBe(0);
      const anaRows = readCsv(anaCsv);
      expect(anaRows).toHaveLength(PER_AGENT + 1);
      expect(countBy(anaRows, 'agent_id')).toEqual({ ana: PER_AGENT + 1 });

      const noStore = await exportCli([
        '--format',
        'csv',
        '--out',
        path.join(allLocal, 'x.csv'),
        '--data-dir',
        allLocal,
        '--source',
        'team',
      ]);
      expect(noStore.code).toBe(2);
      expect(noStore.stderr).toBe(
        `--source team: no team store is configured in ${allLocal} (team-store.json does not exist).\n`,
      );
    });

    it('an edit after sync updates the row; an older copy never replaces a newer one', async () => {
      const agent = AGENTS[0];
      const app = openAgentApp(dataDirs.get(agent.role)!, fx.config(agent));
      const target = saved.get(agent.role)![5];
      const edited: Session = {
        ...target,
        wrapUp: {
          ...target.wrapUp,
          notes: 'Called back, customer happy — résumé 👍🏽',
          resolution: 'resolved',
        },
        savedAt: new Date(Date.parse(target.savedAt) + 60_000).toISOString(),
      };
      app.repository.save(edited);
      expect(app.team.status()).toMatchObject({ state: 'queued', queued: 1 });
      expect(await app.team.sync!.pushNow()).toEqual({ sent: 1, refused: 0, error: null });
      const row = await fx.admin.query(
        'SELECT session, resolution, search_text FROM calm_sessions WHERE id = $1',
        [target.id],
      );
      expect(row.rows[0].session).toEqual(edited);
      expect(row.rows[0].resolution).toBe('resolved');
      expect(row.rows[0].search_text).toContain('resume');

      // The follow-up marked done (same savedAt) is sent too.
      app.repository.markFollowUpDone(target.id, new Date('2026-02-01T10:00:00Z'));
      await app.team.sync!.pushNow();
      const done = await fx.admin.query('SELECT follow_up_done FROM calm_sessions WHERE id = $1', [
        target.id,
      ]);
      expect(done.rows[0].follow_up_done).toBe(true);

      // A stale copy (an older savedAt) does not win.
      await app.team.store!.upsert([{ session: target }]);
      const after = await fx.admin.query('SELECT session FROM calm_sessions WHERE id = $1', [
        target.id,
      ]);
      expect(after.rows[0].session.wrapUp.notes).toBe(edited.wrapUp.notes);
      const count = await fx.admin.query('SELECT count(*)::int AS n FROM calm_sessions');
      expect(count.rows[0].n).toBe(3 * PER_AGENT + 1); // and Ana's call under Björn's name
      await app.close();
    });

    it('`team status` prints the counts; `team migrate` on an up-to-date store changes nothing', async () => {
      const status = await teamCli(['status', '--data-dir', dataDirs.get('bjorn')!]);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain('Local sessions: 120\nQueued: 0\nRefused: 0\n');
      expect(status.stdout).toContain('In the store (this agent): 120\nSchema version: 3\n');
      expect(status.stdout).not.toContain('pw-bjorn');

      const adminDir = agentDataDir({
        url: fx.server.adminUrl('calm'),
        tls: { mode: 'disable' },
        teamId: 'north',
        agentId: 'it',
      });
      const migrate = await teamCli(['migrate', '--data-dir', adminDir]);
      expect(migrate).toMatchObject({ code: 0, stderr: '' });
      expect(migrate.stdout).toMatch(
        /^The team store at 127\.0\.0\.1:\d+\/calm is up to date \(schema version 3\)\.\n$/,
      );
      fs.rmSync(adminDir, { recursive: true, force: true });
    });

    it('`team` answers bad arguments and missing configuration with one line and exit 2', async () => {
      const bad = await teamCli(['push']);
      expect(bad).toMatchObject({ code: 2, stdout: '' });
      expect(bad.stderr).toMatch(
        /^Unknown command "push"\. usage: npm run --silent team -- migrate\|sync\|status \[--data-dir DIR\]\n$/,
      );
      const none = agentDataDir(null);
      const off = await teamCli(['status', '--data-dir', none]);
      expect(off.code).toBe(2);
      expect(off.stderr).toBe(
        `No team store is configured: ${path.join(none, 'team-store.json')} does not exist.\n`,
      );
      fs.writeFileSync(
        path.join(none, 'team-store.json'),
        '{"url": "mysql://x", "teamId": "a", "agentId": "b"}',
      );
      const wrong = await teamCli(['sync', '--data-dir', none]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toBe(
        `${path.join(none, 'team-store.json')}: url must start with postgres://.\n`,
      );
      fs.rmSync(none, { recursive: true, force: true });
    });
  },
);

// Said only where PostgreSQL is missing (never counted as a skipped test where it runs).
if (unavailable !== null) {
  describe('team store', () => {
    it.skip(`needs PostgreSQL: ${unavailable}`, () => undefined);
  });
}
