/**
 * A team store for tests: a real PostgreSQL (tests/support/postgres-server.ts) with a `calm` database
 * migrated by the administrator, login roles for agents and team leads registered the way IT registers
 * them (README, "Team store"), and agents' data folders with a `team-store.json` and saved sessions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Session } from '../../../preload/contract/session-schema';
import { openSessionServices, type SessionServices } from '../../../main/host/session-services';
import { migrate, MEMBER_ROLE } from '../../../main/team/store-migrations';
import { TEAM_CONFIG_FILE, parseTeamConfig, type TeamConfig } from '../../../main/team/team-config';
import {
  openTeamServices,
  practiceRunsOf,
  withPracticeQueue,
  withTeamQueue,
  type TeamServices,
} from '../../../main/team/team-services';
import type { PracticeStore } from '../../../main/practice/practice-store';
import { startPostgres, type PostgresServer } from '../../support/postgres-server';

export const DATABASE = 'calm';

export interface AgentLogin {
  readonly role: string;
  readonly password: string;
  readonly teamId: string;
  readonly agentId: string;
}

export interface TeamFixture {
  readonly server: PostgresServer;
  /** A pool on the calm database as the administrator (owner: not bound by row-level security). */
  readonly admin: pg.Pool;
  addAgent(login: AgentLogin): Promise<void>;
  addLead(role: string, password: string, teams: readonly string[]): Promise<void>;
  config(login: Omit<AgentLogin, 'agentId'> & { agentId?: string }, extra?: object): TeamConfig;
  /** A pool logged in as a role (row-level security applies). */
  poolAs(role: string, password: string): pg.Pool;
  close(): Promise<void>;
}

export async function startTeamFixture(): Promise<TeamFixture> {
  const server = await startPostgres();
  const bootstrap = new pg.Client({ connectionString: server.adminUrl() });
  await bootstrap.connect();
  await bootstrap.query(`CREATE DATABASE ${DATABASE}`);
  await bootstrap.end();
  const admin = new pg.Pool({ connectionString: server.adminUrl(DATABASE), max: 2 });
  admin.on('error', () => undefined);
  await migrate(admin);
  const pools: pg.Pool[] = [];
  const ensureRole = async (role: string, password: string) => {
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    // Role names and passwords cannot be parameters in DDL: quote them with the server's own functions.
    const { rows } = await admin.query<{ name: string; pw: string }>(
      'SELECT quote_ident($1) AS name, quote_literal($2) AS pw',
      [role, password],
    );
    if (exists.rowCount === 0)
      await admin.query(
        `CREATE ROLE ${rows[0].name} LOGIN PASSWORD ${rows[0].pw} IN ROLE ${MEMBER_ROLE}`,
      );
  };
  const ensureTeam = (team: string) =>
    admin.query('INSERT INTO calm_teams (team_id) VALUES ($1) ON CONFLICT DO NOTHING', [team]);
  return {
    server,
    admin,
    async addAgent(login) {
      await ensureRole(login.role, login.password);
      await ensureTeam(login.teamId);
      await admin.query(
        'INSERT INTO calm_agents (team_id, agent_id, role_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [login.teamId, login.agentId, login.role],
      );
    },
    async addLead(role, password, teams) {
      await ensureRole(role, password);
      for (const team of teams) {
        await ensureTeam(team);
        await admin.query(
          'INSERT INTO calm_team_leads (team_id, role_name) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [team, role],
        );
      }
    },
    config(login, extra = {}) {
      return parseTeamConfig(
        {
          url: server.urlFor(login.role, login.password, DATABASE),
          tls: { mode: 'disable' },
          teamId: login.teamId,
          agentId: login.agentId ?? login.role,
          ...extra,
        },
        'test configuration',
      );
    },
    poolAs(role, password) {
      const pool = new pg.Pool({
        connectionString: server.urlFor(role, password, DATABASE),
        max: 2,
      });
      pool.on('error', () => undefined);
      pools.push(pool);
      return pool;
    },
    async close() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      await admin.end().catch(() => undefined);
      await server.destroy();
    },
  };
}

/** A temporary data folder holding `team-store.json` (raw: written as given) and these sessions. */
export function agentDataDir(config: object | null, sessions: readonly Session[] = []): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calm-team-agent-'));
  if (config !== null)
    fs.writeFileSync(path.join(dataDir, TEAM_CONFIG_FILE), JSON.stringify(config, null, 2));
  if (sessions.length > 0) {
    const services = openSessionServices({ dataDir, teamStore: false });
    services.repository.saveMany(sessions);
    services.close();
  }
  return dataDir;
}

export interface AgentApp {
  readonly sessions: SessionServices;
  readonly team: TeamServices;
  /** The repository as the app's handlers use it (every write queued for the store). */
  readonly repository: SessionServices['repository'];
  /** The practice history as the app's handlers use it (every rehearsal queued for the store). */
  readonly practice: PracticeStore;
  close(): Promise<void>;
}

/** The app's side over a data folder, as a host opens it (sync in the background unless told not to). */
export function openAgentApp(
  dataDir: string,
  config: TeamConfig,
  options: {
    background?: boolean;
    log?: (m: string) => void;
    tuning?: Parameters<typeof openTeamServices>[0]['tuning'];
  } = {},
): AgentApp {
  const sessions = openSessionServices({ dataDir, teamStore: false });
  const team = openTeamServices({
    dataDir,
    config,
    repository: sessions.repository,
    practiceRuns: practiceRunsOf(sessions.practice),
    background: options.background ?? false,
    log: options.log,
    tuning: options.tuning,
  });
  return {
    sessions,
    team,
    repository: withTeamQueue(sessions.repository, team.sync),
    practice: withPracticeQueue(sessions.practice, team.sync),
    async close() {
      await team.close();
      sessions.close();
    },
  };
}
