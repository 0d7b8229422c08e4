/**
 * Who this login is in the team store: the agent row IT registered for it in the configured team
 * (`calm_agents`, which each role reads for itself only). Sync asks once per push, before it sends
 * anything, so a setup mistake — no agent row for this login, the wrong team or agent in
 * `team-store.json` — is one line in the status and the command's output, found in one round trip,
 * instead of every session being refused one by one.
 *
 * The agent id the rows are written with is the one the store lists for the role (row-level security
 * accepts no other), so who synced a session comes from the login, never from the session's free-text
 * agent name.
 */
import type pg from 'pg';

/** The store's membership tables do not let this login sync as configured (IT's setup to fix). */
export class StoreSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreSetupError';
  }
}

/** The SQL giving the teams this login may read: the ones it leads and the ones it is an agent in. */
export const READER_TEAMS_SQL = `SELECT team_id FROM calm_team_leads WHERE role_name = current_user
  UNION SELECT team_id FROM calm_agents WHERE role_name = current_user`;

/** This login's agent id in `teamId`; a StoreSetupError saying what IT has to fix when there is none or
 * it is not `agentId`. */
export async function agentIdOfLogin(
  pool: pg.Pool | pg.ClientBase,
  teamId: string,
  agentId: string,
): Promise<string> {
  const { rows } = await pool.query<{ team_id: string; agent_id: string }>(
    'SELECT team_id, agent_id FROM calm_agents WHERE role_name = current_user ORDER BY team_id',
  );
  const here = rows.find((row) => row.team_id === teamId);
  if (here !== undefined && here.agent_id === agentId) return here.agent_id;
  const { rows: me } = await pool.query<{ user: string }>('SELECT current_user AS user');
  const login = me[0].user;
  if (here !== undefined)
    throw new StoreSetupError(
      `the team store lists login "${login}" as agent "${here.agent_id}" in team ${teamId}, not "${agentId}" (fix agentId in team-store.json, or the calm_agents row)`,
    );
  const elsewhere = rows.map((row) => `${row.team_id}/${row.agent_id}`);
  throw new StoreSetupError(
    `the team store has no agent row for login "${login}" in team ${teamId}` +
      (elsewhere.length > 0
        ? ` (it is registered as ${elsewhere.join(', ')}: fix teamId in team-store.json)`
        : ` (IT adds it: INSERT INTO calm_agents (team_id, agent_id, role_name) VALUES ('${teamId}', '${agentId}', '${login}'))`) +
      '; nothing was sent',
  );
}
