/**
 * A session as one row of the team store (main/team/session-row.ts): the upsert's parameters line up with
 * its columns, the filter columns carry what the session log shows for the same session, and text the
 * store cannot hold (U+0000) is replaced in the columns and kept exactly beside them.
 */
import { describe, expect, it } from 'vitest';
import { ROW_COLUMNS, sessionRow, upsertParameters } from '../../../main/team/session-row';
import { summarizeSession } from '../../../main/sessions/session-summary';
import type { Session } from '../../../preload/contract/session-schema';
import { sessionAt, seededRandom } from '../../support/session-factory';

const session = (seed: number, agent = 'Lena'): Session =>
  sessionAt(seededRandom(seed), { startedMs: Date.parse('2026-04-02T09:30:00Z'), agent });

/** The upsert's parameters for one row, by column name. */
function columnsOf(row: ReturnType<typeof sessionRow>, timeline: string | null) {
  const values = upsertParameters([row], [timeline]);
  expect(values).toHaveLength(ROW_COLUMNS.length);
  return Object.fromEntries(ROW_COLUMNS.map(([name], i) => [name, values[i]]));
}

describe('a session as a team-store row', () => {
  it('fills every column with what the session log shows for it', () => {
    const s = session(3);
    const summary = summarizeSession(s);
    const columns = columnsOf(sessionRow(s, 'agent-7'), '{"frames":[]}');
    expect(columns).toMatchObject({
      id: s.id,
      agent_name: 'Lena',
      started_at: s.startedAt,
      ended_at: s.endedAt,
      saved_at: s.savedAt,
      duration_sec: summary.durationSec,
      resolution: summary.resolution,
      escalation: summary.escalation,
      follow_up_date: summary.followUpDate,
      follow_up_done: summary.followUpDone,
      case_reference: summary.caseReference,
      priority_count: summary.priorityCount,
      confirmed_priority_count: summary.confirmedPriorityCount,
      overtalk_count: summary.overtalkCount,
      too_loud_count: summary.tooLoudCount,
      heated_count: summary.heatedCount,
      time_to_calm_sec: s.call.metrics.timeToCalmSec,
      has_timeline: summary.hasTimeline,
      session: JSON.stringify(s),
      session_exact: null,
      timeline: '{"frames":[]}',
    });
    expect(JSON.parse(columns.session as string)).toEqual(s);
  });

  it('names the agent by its id when the session names nobody', () => {
    expect(columnsOf(sessionRow(session(4, ''), 'agent-7'), null).agent_name).toBe('agent-7');
  });

  it('puts several rows one after the other, each with its own timeline', () => {
    const rows = [sessionRow(session(5), 'a'), sessionRow(session(6), 'a')];
    const values = upsertParameters(rows, [null, '{"t":2}']);
    const width = ROW_COLUMNS.length;
    expect(values).toHaveLength(2 * width);
    expect(values[0]).toBe(rows[0].id);
    expect(values[width]).toBe(rows[1].id);
    expect(values[width - 1]).toBeNull();
    expect(values[2 * width - 1]).toBe('{"t":2}');
  });

  it('replaces U+0000 in the columns and keeps the exact text beside them', () => {
    const s = session(8);
    const withNul: Session = { ...s, wrapUp: { ...s.wrapUp, caseReference: 'CASE\u00004711' } };
    const columns = columnsOf(sessionRow(withNul, 'a'), null);
    expect(columns.case_reference).toBe('CASE\uFFFD4711');
    expect(columns.session as string).not.toContain('\\u0000');
    expect(JSON.parse(columns.session_exact as string)).toEqual(withNul);
  });
});
