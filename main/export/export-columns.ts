/**
 * The one list of spreadsheet columns (CSV and XLSX), in their stable order. The README's column table is
 * generated from it (`markdownColumnTable`). Append new columns at the end; never reorder or rename.
 *
 * Lists are flattened into numbered slots: priorities (sorted by rank) into PRIORITY_SLOTS slots of
 * text/kind/confirmed, next steps (in wrap-up order) into NEXT_STEP_SLOTS slots of what/who/by; how many
 * did not fit is in `priorities_omitted` / `next_steps_omitted` (the JSON export keeps them all).
 */
import { CUE_KIND_VALUES, type Session } from '../../preload/contract/session-schema';
import { localDay } from '../../preload/domain/calendar-day';
import { followUpStateOf, followUpStatus } from '../../preload/domain/follow-up-status';

/** How a column's cells are typed: CSV writes them as text, XLSX as typed cells. */
export type ColumnType = 'text' | 'number' | 'integer' | 'boolean' | 'datetime' | 'date';
export type CellValue = string | number | boolean | null;

export interface ExportContext {
  /** The day the export runs (YYYY-MM-DD), for follow-up status. */
  readonly asOfDay: string;
  /** Who synced a session, as the team store records it (`agent_id`); absent or null: none known. */
  readonly agentIdOf?: (session: Session) => string | null;
  /** The exporting computer's time zone (IANA name): `started_day` and the follow-up status are its
   * days. Default: this process's. */
  readonly timeZone?: string;
}

/** This process's time zone, as the `time_zone` column names it. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface ExportColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  readonly value: (session: Session, context: ExportContext) => CellValue;
}

export const PRIORITY_SLOTS = 5;
export const NEXT_STEP_SLOTS = 5;

const col = (
  name: string,
  type: ColumnType,
  description: string,
  value: ExportColumn['value'],
): ExportColumn => ({
  name,
  type,
  description,
  value,
});

const cueColumnName = (cue: string): string => `cue_${cue.replaceAll('-', '_')}`;
/** Priorities by rank; one-entry cache, since the slot columns ask for the same session in a row. */
let rankedFor: Session | undefined;
let ranked: Session['wrapUp']['priorities'] = [];
function rankOrder(s: Session): Session['wrapUp']['priorities'] {
  if (rankedFor !== s) {
    ranked = [...s.wrapUp.priorities].sort((a, b) => a.rank - b.rank);
    rankedFor = s;
  }
  return ranked;
}

function loudnessColumns(party: 'caller' | 'agent'): ExportColumn[] {
  return [
    col(
      `${party}_integrated_lufs`,
      'number',
      `${party}: integrated loudness over the call (LUFS)`,
      (s) => s.call.loudness[party].integratedLufs,
    ),
    col(
      `${party}_max_momentary_lufs`,
      'number',
      `${party}: loudest 400 ms (LUFS)`,
      (s) => s.call.loudness[party].maxMomentaryLufs,
    ),
    col(
      `${party}_max_short_term_lufs`,
      'number',
      `${party}: loudest 3 s (LUFS)`,
      (s) => s.call.loudness[party].maxShortTermLufs,
    ),
    col(
      `${party}_peak_dbfs`,
      'number',
      `${party}: sample peak (dBFS)`,
      (s) => s.call.loudness[party].peakDbfs,
    ),
  ];
}

function prioritySlotColumns(): ExportColumn[] {
  const out: ExportColumn[] = [];
  for (let i = 0; i < PRIORITY_SLOTS; i++) {
    const n = i + 1;
    const at = (s: Session) => (s.wrapUp.priorities.length > i ? rankOrder(s)[i] : undefined);
    out.push(
      col(
        `priority_${n}_text`,
        'text',
        `priority ranked ${n}: the customer's words as restated`,
        (s) => at(s)?.text ?? null,
      ),
      col(
        `priority_${n}_kind`,
        'text',
        `priority ${n}: technical, administrative or emotional`,
        (s) => at(s)?.kind ?? null,
      ),
      col(
        `priority_${n}_confirmed`,
        'boolean',
        `priority ${n}: the customer confirmed the restatement`,
        (s) => at(s)?.confirmed ?? null,
      ),
    );
  }
  return out;
}

function nextStepSlotColumns(): ExportColumn[] {
  const out: ExportColumn[] = [];
  for (let i = 0; i < NEXT_STEP_SLOTS; i++) {
    const n = i + 1;
    const at = (s: Session) => s.wrapUp.nextSteps[i];
    out.push(
      col(`next_step_${n}_what`, 'text', `next step ${n}: what`, (s) => at(s)?.what ?? null),
      col(`next_step_${n}_who`, 'text', `next step ${n}: who`, (s) => at(s)?.who ?? null),
      col(
        `next_step_${n}_by`,
        'date',
        `next step ${n}: by when (empty: no date)`,
        (s) => at(s)?.byWhen ?? null,
      ),
    );
  }
  return out;
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  col(
    'session_id',
    'text',
    'session id (UUID; the key the team view deduplicates on)',
    (s) => s.id,
  ),
  col('agent', 'text', 'who took the call', (s) => s.agent),
  col(
    'started_at',
    'datetime',
    'call start, an ISO 8601 instant: UTC (`Z`) as the app saves it, or with the offset it was recorded with',
    (s) => s.startedAt,
  ),
  col(
    'started_day',
    'date',
    "calendar day of the call in the exporting computer's time zone (`time_zone`)",
    (s) => localDay(new Date(s.startedAt)),
  ),
  col('ended_at', 'datetime', 'call end, ISO 8601 instant (as `started_at`)', (s) => s.endedAt),
  col('duration_sec', 'number', 'call length (s)', (s) => s.call.durationSec),
  col(
    'after_call_work_sec',
    'number',
    'from call end to wrap-up saved (s)',
    (s) => s.afterCallWorkSec,
  ),
  col('saved_at', 'datetime', 'when the wrap-up was saved, ISO 8601', (s) => s.savedAt),
  col(
    'resolution',
    'text',
    'resolved, partly, pending, escalated (empty: not set)',
    (s) => s.wrapUp.resolution,
  ),
  col(
    'escalation',
    'text',
    'none, manager-requested, handed-off, abusive-conduct',
    (s) => s.wrapUp.escalation.kind,
  ),
  col('escalation_reason', 'text', 'why it was escalated', (s) => s.wrapUp.escalation.reason),
  col('case_reference', 'text', 'ticket / case number', (s) => s.wrapUp.caseReference),
  col(
    'emotional_catalyst',
    'text',
    'what is really at stake for the customer',
    (s) => s.wrapUp.emotionalCatalyst,
  ),
  col('ownership_taken', 'boolean', 'the agent took ownership', (s) => s.wrapUp.ownershipTaken),
  col('apology_given', 'boolean', 'the agent apologised', (s) => s.wrapUp.apologyGiven),
  col(
    'goodwill',
    'text',
    'none, discount, refund, credit, gift, other',
    (s) => s.wrapUp.goodwill.kind,
  ),
  col(
    'goodwill_value',
    'number',
    'goodwill amount (empty: none given)',
    (s) => s.wrapUp.goodwill.value,
  ),
  col('goodwill_note', 'text', 'goodwill note', (s) => s.wrapUp.goodwill.note),
  col(
    'root_cause',
    'text',
    'billing, technical-fault, delivery, process, communication, policy, other (empty: not set)',
    (s) => s.wrapUp.rootCause.category,
  ),
  col('root_cause_note', 'text', 'root cause note', (s) => s.wrapUp.rootCause.note),
  col(
    'root_cause_may_affect_others',
    'boolean',
    'the cause may affect other customers',
    (s) => s.wrapUp.rootCause.mayAffectOthers,
  ),
  col('follow_up_date', 'date', 'follow-up day (empty: none)', (s) => s.wrapUp.followUp.date),
  col('follow_up_channel', 'text', 'call, email, letter', (s) => s.wrapUp.followUp.channel),
  col(
    'follow_up_done_at',
    'datetime',
    'when the follow-up was marked done (empty: open)',
    (s) => s.wrapUp.followUp.doneAt,
  ),
  col(
    'follow_up_status',
    'text',
    'none, done, overdue, due (today), open (later) — as of the export day',
    (s, c) => followUpStatus(followUpStateOf(s.wrapUp.followUp), c.asOfDay),
  ),
  col('caller_talk_sec', 'number', 'caller speaking time (s)', (s) => s.call.metrics.callerTalkSec),
  col('agent_talk_sec', 'number', 'agent speaking time (s)', (s) => s.call.metrics.agentTalkSec),
  col('talk_ratio', 'number', 'agent share of talk time, 0–1', (s) => s.call.metrics.talkRatio),
  col('overtalk_count', 'integer', 'talking-over episodes', (s) => s.call.metrics.overtalkCount),
  col('overtalk_sec', 'number', 'total talking-over time (s)', (s) => s.call.metrics.overtalkSec),
  col(
    'longest_caller_turn_sec',
    'number',
    'longest caller turn (s)',
    (s) => s.call.metrics.longestCallerTurnSec,
  ),
  col(
    'median_response_gap_sec',
    'number',
    'median pause before the agent answered (s)',
    (s) => s.call.metrics.medianResponseGapSec,
  ),
  col(
    'time_to_calm_sec',
    'number',
    'from the first caller-heated cue to calm (s; empty: never heated or never calm)',
    (s) => s.call.metrics.timeToCalmSec,
  ),
  ...CUE_KIND_VALUES.map((cue) =>
    col(cueColumnName(cue), 'integer', `"${cue}" cues shown`, (s) => s.call.metrics.cueCounts[cue]),
  ),
  ...loudnessColumns('caller'),
  ...loudnessColumns('agent'),
  col(
    'agent_normal_lufs',
    'number',
    'the agent’s calibrated normal voice (LUFS)',
    (s) => s.call.agentNormalLufs,
  ),
  col('sample_rate', 'integer', 'capture sample rate (Hz)', (s) => s.call.sampleRate),
  col(
    'marks_count',
    'integer',
    'moments the agent marked during the call',
    (s) => s.call.marks.length,
  ),
  col('priority_count', 'integer', 'priorities recorded', (s) => s.wrapUp.priorities.length),
  col(
    'priority_confirmed_count',
    'integer',
    'priorities the customer confirmed',
    (s) => s.wrapUp.priorities.filter((p) => p.confirmed).length,
  ),
  ...prioritySlotColumns(),
  col(
    'priorities_omitted',
    'integer',
    `priorities beyond the first ${PRIORITY_SLOTS} (kept in the JSON export)`,
    (s) => Math.max(0, s.wrapUp.priorities.length - PRIORITY_SLOTS),
  ),
  col('next_step_count', 'integer', 'next steps recorded', (s) => s.wrapUp.nextSteps.length),
  ...nextStepSlotColumns(),
  col(
    'next_steps_omitted',
    'integer',
    `next steps beyond the first ${NEXT_STEP_SLOTS} (kept in the JSON export)`,
    (s) => Math.max(0, s.wrapUp.nextSteps.length - NEXT_STEP_SLOTS),
  ),
  col(
    'notes',
    'text',
    'free notes (full text in CSV; XLSX cells hold at most 32,767 characters)',
    (s) => s.wrapUp.notes,
  ),
  col(
    'has_timeline',
    'boolean',
    'a loudness timeline is stored with the session',
    (s) => s.hasTimeline,
  ),
  col('recording', 'text', 'relative path of the kept recording (empty: none)', (s) => s.recording),
  col(
    'phone_call_id',
    'text',
    "the phone system's call id, from the softphone's call events (empty: none sent)",
    (s) => s.call.phone?.callId ?? null,
  ),
  col(
    'phone_case_ref',
    'text',
    'the case reference the softphone or CRM sent with the call (case_reference is what the wrap-up saved)',
    (s) => s.call.phone?.caseRef ?? null,
  ),
  col(
    'caller_number',
    'text',
    "the caller's number as the privacy setting kept it: empty (default), last 4 digits, or all",
    (s) => s.call.phone?.from ?? null,
  ),
  col(
    'hold_count',
    'integer',
    'times the call was put on hold',
    (s) => s.call.phone?.holds.length ?? 0,
  ),
  col(
    'hold_sec',
    'number',
    'time on hold (s; no cues then)',
    (s) =>
      Math.round((s.call.phone?.holds.reduce((sum, h) => sum + (h.end - h.start), 0) ?? 0) * 10) /
      10,
  ),
  col(
    'agent_id',
    'text',
    "the team store's agent id for the login that synced the session (`agent` is the name the session carries); from a local folder, its team-store.json agentId (empty: no team store)",
    (s, c) => c.agentIdOf?.(s) ?? null,
  ),
  col(
    'time_zone',
    'text',
    "the exporting computer's time zone (IANA name): `started_day` and `follow_up_status` are its days; the times are instants (CSV, JSON: ISO 8601, UTC `Z`; XLSX: shown in this zone)",
    (_s, c) => c.timeZone ?? localTimeZone(),
  ),
];

export const EXPORT_COLUMN_NAMES: readonly string[] = EXPORT_COLUMNS.map((c) => c.name);

/** The README's column table (Markdown), generated from EXPORT_COLUMNS. */
export function markdownColumnTable(columns: readonly ExportColumn[] = EXPORT_COLUMNS): string {
  const rows = columns.map(
    (c, i) => `| ${i + 1} | \`${c.name}\` | ${c.type} | ${c.description.replaceAll('|', '\\|')} |`,
  );
  return ['| # | column | type | meaning |', '| ---: | --- | --- | --- |', ...rows].join('\n');
}
