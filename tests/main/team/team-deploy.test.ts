/**
 * The team store as IT deploys it, on a PostgreSQL 15 that requires SCRAM passwords and offers TLS: the
 * README's own configuration, `migrate` command and setup SQL, run as written (only host, port, file
 * paths and the '…' passwords replaced); each way the README gives a password logs in; a setup mistake
 * (no agent row, the wrong team) is one line found before anything is sent, not a refusal per session;
 * a session is credited to the login that synced it, whatever name it carries.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../preload/contract/session-schema';
import { localDay } from '../../../preload/domain/calendar-day';
import { parseTeamConfig, type TeamConfig } from '../../../main/team/team-config';
import { openTeamStore } from '../../../main/team/team-store';
import { makeSessions } from '../../support/session-factory';
import {
  ADMIN_PASSWORD,
  ADMIN_USER,
  postgresUnavailableReason,
  startPostgres,
  type PostgresServer,
} from '../../support/postgres-server';
import { agentDataDir, openAgentApp } from './team-fixture';

const run = promisify(execFile);
const unavailable = postgresUnavailableReason();
const REPO = path.resolve(__dirname, '../../..');
const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## Team store (PostgreSQL)'));

/** The first ```lang block after `marker` in the README's team store section. */
function readmeBlock(marker: string, lang: string): string {
  const from = SECTION.indexOf(marker);
  if (from < 0) throw new Error(`README: "${marker}" not found`);
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(SECTION.slice(from));
  if (!match) throw new Error(`README: no ${lang} block after "${marker}"`);
  return match[1];
}

async function cli(script: 'team' | 'export', args: string[], env: NodeJS.ProcessEnv = {}) {
  const childEnv = { ...process.env, ...env };
  delete childEnv.PGPASSWORD;
  delete childEnv.PGPASSFILE;
  Object.assign(childEnv, env);
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `main/cli/${script}.ts`, ...args], {
      cwd: REPO,
      env: childEnv,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A CA-signed certificate for 127.0.0.1 (key readable by the server's user only). */
function tlsFiles(dir: string): { ca: string; cert: string; key: string } {
  const f = (name: string) => path.join(dir, name);
  const ssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  ssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Test CA'].concat([
      '-keyout',
      f('ca.key'),
      '-out',
      f('ca.pem'),
    ]),
  );
  ssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      f('server.key'),
    ].concat(['-out', f('server.csr')]),
  );
  fs.writeFileSync(f('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  ssl(
    ['x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key')].concat([
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      f('san.ext'),
      '-out',
      f('server.pem'),
    ]),
  );
  fs.chmodSync(f('server.key'), 0o600);
  if (process.getuid?.() === 0)
    execFileSync('chown', ['postgres:', f('server.key'), f('server.pem')]);
  return { ca: f('ca.pem'), cert: f('server.pem'), key: f('server.key') };
}

describe.skipIf(unavailable !== null)('the team store as IT deploys it (SCRAM, TLS)', () => {
  let server: PostgresServer;
  let admin: pg.Pool;
  let work: string;
  let tls: { ca: string; cert: string; key: string };
  const dirs: string[] = [];
  const today = () => localDay(new Date());

  /** The README's configuration with this server's address and this test's files. */
  const readmeConfig = (passwordFile: string): string =>
    readmeBlock('**Configuration**', 'json')
      .replace('db.example.org:5432', `127.0.0.1:${server.port}`)
      .replace('/etc/calm-line/ana.pw', passwordFile)
      .replace('/etc/ssl/certs/corp-ca.pem', tls.ca);

  /** A data folder with `team-store.json` as given (text) and these sessions saved. */
  const folder = (configText: string | null, sessions: readonly Session[] = []): string => {
    const dir = agentDataDir(null, sessions);
    if (configText !== null) fs.writeFileSync(path.join(dir, 'team-store.json'), configText);
    dirs.push(dir);
    return dir;
  };

  const configFor = (role: string, extra: object = {}): TeamConfig =>
    parseTeamConfig(
      {
        url: `postgres://${role}@127.0.0.1:${server.port}/calm_line`,
        tls: { mode: 'verify-full', caFile: tls.ca },
        teamId: 'support-north',
        agentId: role,
        ...extra,
      },
      'test',
    );

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'calm-team-deploy-'));
    fs.chmodSync(work, 0o755);
    tls = tlsFiles(work);
    server = await startPostgres({
      settings: { ssl: 'on', ssl_cert_file: tls.cert, ssl_key_file: tls.key },
    });
    const boot = new pg.Client({ connectionString: server.adminUrl() });
    await boot.connect();
    await boot.query('CREATE DATABASE calm_line');
    await boot.end();
    admin = new pg.Pool({ connectionString: server.adminUrl('calm_line'), max: 2 });
    admin.on('error', () => undefined);
  });
  afterAll(async () => {
    await admin?.end().catch(() => undefined);
    await server?.destroy();
    for (const dir of [...dirs, work]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the README's migrate command, setup SQL and configuration (its passwordFile) work as written", async () => {
    // migrate, with an administrator's login in the folder's team-store.json (TLS verified as README).
    const adminPw = path.join(work, 'admin.pw');
    fs.writeFileSync(adminPw, `${ADMIN_PASSWORD}\n`);
    const adminDir = folder(
      readmeConfig(adminPw).replace('postgres://ana@', `postgres://${ADMIN_USER}@`),
    );
    const command = readmeBlock('**Setting it up (IT, once)**', 'sh');
    expect(command).toContain('npm run --silent team -- migrate --data-dir /path/to/admin-folder');
    const migrated = await cli('team', ['migrate', '--data-dir', adminDir]);
    expect(migrated).toMatchObject({ code: 0, stderr: '' });
    expect(migrated.stdout).toMatch(/went from schema version 0 to 3 /);

    // The setup SQL, with a password for each '…'.
    const sql = readmeBlock('**Setting it up (IT, once)**', 'sql');
    const placeholders = sql.match(/PASSWORD '…'/g) ?? [];
    expect(placeholders).toHaveLength(2);
    await admin.query(
      sql.replace(/CREATE ROLE (\w+) LOGIN PASSWORD '…'/g, "CREATE ROLE $1 LOGIN PASSWORD 'pw-$1'"),
    );
    const limits = await admin.query(
      "SELECT rolname, rolconnlimit FROM pg_roles WHERE rolname IN ('ana', 'lena') ORDER BY 1",
    );
    expect(limits.rows).toEqual([
      { rolname: 'ana', rolconnlimit: 6 },
      { rolname: 'lena', rolconnlimit: 6 },
    ]);

    // Ana's computer: the README's configuration, the password in passwordFile, no PGPASSWORD set.
    const anaPw = path.join(work, 'ana.pw');
    fs.writeFileSync(anaPw, 'pw-ana\n');
    const sessions = makeSessions(30, { seed: 41, agents: ['Ana Souza'] });
    const anaDir = folder(readmeConfig(anaPw), sessions);
    const before = await cli('team', ['status', '--data-dir', anaDir]);
    expect(before.stderr).toBe('');
    // Before the first sync every saved session counts as queued (once "Queued: 0").
    expect(before.stdout).toContain('Local sessions: 30\nQueued: 30\nRefused: 0\n');
    expect(before.stdout).toContain('In the store (this agent): 0\nSchema version: 3\n');
    const synced = await cli('team', ['sync', '--data-dir', anaDir]);
    expect(synced).toMatchObject({ code: 0, stderr: '' });
    expect(synced.stdout).toMatch(
      /^Sent 30 sessions as support-north\/ana at 127\.0\.0\.1:\d+\/calm_line; none queued\.\n$/,
    );

    // Lena's computer: the same configuration for her login exports her team.
    const lenaPw = path.join(work, 'lena.pw');
    fs.writeFileSync(lenaPw, 'pw-lena\n');
    const lenaDir = folder(
      readmeConfig(lenaPw)
        .replace('postgres://ana@', 'postgres://lena@')
        .replace('"agentId": "ana"', '"agentId": "lena"'),
    );
    const out = path.join(lenaDir, 'team.csv');
    const exported = await cli('export', [
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--format',
      'csv',
      '--out',
      out,
      '--data-dir',
      lenaDir,
      '--source',
      'team',
    ]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/^Exported 30 sessions /);
    // Another team by name: said, not an empty file.
    const other = await cli('export', [
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--format',
      'csv',
      '--out',
      out,
      '--data-dir',
      lenaDir,
      '--source',
      'team',
      '--team',
      'support-south',
    ]);
    expect(other.code).toBe(1);
    expect(other.stderr).toBe(
      'Export failed: login "lena" does not read team support-south (it reads support-north). No file was written.\n',
    );
  });

  it('each way to give the password logs in on a SCRAM server: URL, passwordFile, PGPASSWORD, PGPASSFILE; none is one clear line', async () => {
    const saved = { PGPASSWORD: process.env.PGPASSWORD, PGPASSFILE: process.env.PGPASSFILE };
    const sync = async (config: TeamConfig) => {
      const dir = folder(null, makeSessions(2, { seed: 42, agents: ['Ana Souza'] }));
      const app = openAgentApp(dir, config);
      try {
        return await app.team.sync!.pushNow();
      } finally {
        await app.close();
      }
    };
    const ok = { sent: 2, refused: 0, error: null };
    try {
      delete process.env.PGPASSWORD;
      delete process.env.PGPASSFILE;
      const inUrl = configFor('ana', {
        url: `postgres://ana:pw-ana@127.0.0.1:${server.port}/calm_line`,
      });
      expect(await sync(inUrl)).toEqual(ok);
      const file = path.join(work, 'ana-2.pw');
      fs.writeFileSync(file, 'pw-ana\r\nsecond line ignored\n');
      expect(await sync(configFor('ana', { passwordFile: file }))).toEqual(ok);

      process.env.PGPASSWORD = 'pw-ana';
      expect(await sync(configFor('ana'))).toEqual(ok);
      // The configuration's own password comes first: a wrong PGPASSWORD does not override it.
      process.env.PGPASSWORD = 'wrong';
      expect(await sync(configFor('ana', { passwordFile: file }))).toEqual(ok);
      delete process.env.PGPASSWORD;

      const pgpass = path.join(work, 'pgpass');
      fs.writeFileSync(
        pgpass,
        [
          '# host:port:database:user:password',
          `127.0.0.1:${server.port}:other_db:ana:wrong`,
          `127.0.0.1:*:calm_line:ana:pw\\:ana-escaped`,
          `*:*:*:ana:wrong-too`,
        ].join('\n'),
        { mode: 0o600 },
      );
      await admin.query("ALTER ROLE ana PASSWORD 'pw:ana-escaped'");
      process.env.PGPASSFILE = pgpass;
      expect(await sync(configFor('ana'))).toEqual(ok);
      await admin.query("ALTER ROLE ana PASSWORD 'pw-ana'");

      fs.writeFileSync(pgpass, '');
      const none = await sync(configFor('ana'));
      expect(none).toEqual({
        sent: 0,
        refused: 0,
        error: `the team store at 127.0.0.1:${server.port}/calm_line asks for a password for "ana" and none was found (passwordFile or the URL, PGPASSWORD, PGPASSFILE or ~/.pgpass)`,
      });
    } finally {
      for (const [key, value] of Object.entries(saved))
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
    expect(() =>
      configFor('ana', {
        url: `postgres://ana:pw-ana@127.0.0.1:${server.port}/calm_line`,
        passwordFile: '/x/ana.pw',
      }),
    ).toThrow(
      'test: give the password in the url or in passwordFile, not both (they could disagree).',
    );
  });

  it('a setup mistake is one line before anything is sent, reported once, the sessions kept queued (not refused one by one)', async () => {
    await admin.query(
      "CREATE ROLE bob LOGIN PASSWORD 'pw-bob' IN ROLE calm_line_member; CREATE ROLE south_ana LOGIN PASSWORD 'pw-sa' IN ROLE calm_line_member",
    );
    await admin.query("INSERT INTO calm_teams (team_id) VALUES ('support-south')");
    await admin.query(
      "INSERT INTO calm_agents (team_id, agent_id, role_name) VALUES ('support-south', 'ana2', 'south_ana')",
    );
    const cases = [
      {
        config: configFor('bob', {
          url: `postgres://bob:pw-bob@127.0.0.1:${server.port}/calm_line`,
        }),
        line: `the team store has no agent row for login "bob" in team support-north (IT adds it: INSERT INTO calm_agents (team_id, agent_id, role_name) VALUES ('support-north', 'bob', 'bob')); nothing was sent`,
      },
      {
        config: configFor('south_ana', {
          url: `postgres://south_ana:pw-sa@127.0.0.1:${server.port}/calm_line`,
          agentId: 'ana2',
        }),
        line: 'the team store has no agent row for login "south_ana" in team support-north (it is registered as support-south/ana2: fix teamId in team-store.json); nothing was sent',
      },
      {
        config: configFor('south_ana', {
          url: `postgres://south_ana:pw-sa@127.0.0.1:${server.port}/calm_line`,
          teamId: 'support-south',
          agentId: 'ana',
        }),
        line: 'the team store lists login "south_ana" as agent "ana2" in team support-south, not "ana" (fix agentId in team-store.json, or the calm_agents row)',
      },
    ];
    for (const { config, line } of cases) {
      const dir = folder(JSON.stringify(config), makeSessions(400, { seed: 43, agents: ['Bob'] }));
      const logged: string[] = [];
      const app = openAgentApp(dir, config, { log: (m) => logged.push(m) });
      const queueFile = path.join(dir, 'team-sync', 'queue.json');
      expect(await app.team.sync!.pushNow()).toEqual({ sent: 0, refused: 0, error: line });
      const writtenAt = fs.statSync(queueFile).mtimeMs;
      expect(await app.team.sync!.pushNow()).toEqual({ sent: 0, refused: 0, error: line });
      expect(app.team.status()).toMatchObject({
        state: 'error',
        queued: 400,
        refused: 0,
        error: line,
      });
      expect(logged.filter((m) => m.startsWith('Team sync:'))).toEqual([`Team sync: ${line}`]);
      expect(fs.statSync(queueFile).mtimeMs).toBe(writtenAt);
      await app.close();
      const cliRun = await cli('team', ['sync', '--data-dir', dir]);
      expect(cliRun).toMatchObject({ code: 1, stdout: '' });
      expect(cliRun.stderr).toBe(
        `Team sync failed: ${line}. 400 sessions stay queued (sent 0 before the failure).\n`,
      );
    }
    const { rows } = await admin.query(
      "SELECT count(*)::int AS n FROM calm_sessions WHERE agent_id <> 'ana'",
    );
    expect(rows[0].n).toBe(0);
  });

  it("a session is credited to the login that synced it: Bob's name in Ana's folder counts for ana", async () => {
    const [session] = makeSessions(1, { seed: 44, agents: ['Bob Builder'] });
    const config = configFor('ana', {
      url: `postgres://ana:pw-ana@127.0.0.1:${server.port}/calm_line`,
    });
    const app = openAgentApp(folder(JSON.stringify(config), [session]), config);
    expect(await app.team.sync!.pushNow()).toEqual({ sent: 1, refused: 0, error: null });
    await app.close();
    const leadPool = new pg.Pool({
      connectionString: `postgres://lena:pw-lena@127.0.0.1:${server.port}/calm_line`,
      ssl: { ca: fs.readFileSync(tls.ca, 'utf8') },
      max: 1,
    });
    try {
      const lead = openTeamStore(leadPool, { teamId: 'support-north', agentId: 'lena' });
      const page = await lead.list({ limit: 500 }, today());
      const row = page.rows.find((r) => r.id === session.id)!;
      expect(row).toMatchObject({ agentId: 'ana', agent: 'Bob Builder' });
      expect(await lead.count({ agent: 'ana' }, today())).toBe(await lead.count({}, today()));
      expect(await lead.count({ agent: 'Bob Builder' }, today())).toBe(1);
      const figures = await lead.figures({}, today(), 'UTC');
      // One agent in the charts (ana), not two: labelled with the latest display name and the id.
      expect(new Set(figures.calls.map((f) => f.agent)).size).toBe(1);
      expect(figures.calls[0].agent).toMatch(/ \(ana\)$/);
      expect(figures.teams).toEqual(['support-north']);
    } finally {
      await leadPool.end();
    }
  });
});

// Said only where PostgreSQL is missing (never counted as a skipped test where it runs).
if (unavailable !== null) {
  describe('the team store as IT deploys it', () => {
    it.skip(`needs PostgreSQL: ${unavailable}`, () => undefined);
  });
}
