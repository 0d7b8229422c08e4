/**
 * A rehearsal as one row of `calm_practice_runs` (pure): the run whole as JSON, plus the columns the team
 * view counts on — taken from the run's own overall score, so the store's figures are the practice
 * history's. PostgreSQL's text cannot hold U+0000 (nor json give it back as text): a run's text carries
 * U+FFFD in its place (a rehearsal's note or title has no use for one). No session query reads this table.
 */
import type { PracticeRunRecord } from '../../preload/contract/practice-schema';

// eslint-disable-next-line no-control-regex
const withoutNul = (text: string): string => text.replace(/\u0000/g, '\uFFFD');

/** Each column of a practice row after team_id and agent_id, with its value from the run (PostgreSQL
 * types each parameter from its column). */
const PRACTICE_COLUMNS = [
  ['id', (r) => r.id],
  ['agent_name', (r, agentId) => withoutNul(r.agent || agentId)],
  ['scenario_id', (r) => r.scenarioId],
  ['scenario_title', (r) => withoutNul(r.scenarioTitle)],
  ['started_at', (r) => r.startedAt],
  ['ended_at', (r) => r.endedAt],
  ['turns', (r) => r.score.overall.turns],
  ['waited', (r) => r.score.overall.waited],
  ['answered_softly', (r) => r.score.overall.answeredSoftly],
  ['talked_over', (r) => r.score.overall.talkedOver],
  ['unanswered', (r) => r.score.overall.unanswered],
  [
    'run',
    (r) =>
      JSON.stringify(r, (_key, value: unknown) =>
        typeof value === 'string' ? withoutNul(value) : value,
      ),
  ],
] as const satisfies readonly (readonly [
  string,
  (run: PracticeRunRecord, agentId: string) => unknown,
])[];

/**
 * One multi-row INSERT … ON CONFLICT for `count` rehearsals: $1 team, $2 agent, then the columns' values
 * row after row (practiceParameters). Another agent's row with the same id is left alone (the caller is
 * told which ids were not taken).
 */
export function practiceUpsertSql(count: number): string {
  const names = PRACTICE_COLUMNS.map(([name]) => name);
  const width = names.length;
  const rows: string[] = [];
  for (let r = 0; r < count; r++)
    rows.push(`($1, $2, ${names.map((_, c) => `$${3 + r * width + c}`).join(', ')})`);
  const updates = names.filter((name) => name !== 'id').map((name) => `${name} = EXCLUDED.${name}`);
  return `INSERT INTO calm_practice_runs (team_id, agent_id, ${names.join(', ')})
VALUES ${rows.join(',\n')}
ON CONFLICT (team_id, id) DO UPDATE SET ${updates.join(', ')}, synced_at = now()
WHERE calm_practice_runs.agent_id = EXCLUDED.agent_id
RETURNING id`;
}

/** The rehearsals' values, row after row, in the order practiceUpsertSql names the columns. */
export function practiceParameters(runs: readonly PracticeRunRecord[], agentId: string): unknown[] {
  return runs.flatMap((run) => PRACTICE_COLUMNS.map(([, value]) => value(run, agentId)));
}
