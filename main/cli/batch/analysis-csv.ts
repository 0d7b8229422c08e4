/**
 * The batch's CSV summary: one row per analysed call. Where a figure means what a session export column
 * means (main/export/export-columns.ts) it has that column's name — duration_sec, caller_talk_sec,
 * talk_ratio, cue_*, caller_integrated_lufs, sample_rate, … — so a quality team's sheet reads both;
 * `file`, `agent_channel`, `note` and `warnings` are the batch's own. CSV rules (RFC 4180, UTF-8 BOM, CRLF, formula
 * injection neutralised) are the export's (export-csv.ts).
 */
import type { AnalysisReport } from '../../../renderer/engine/call-analysis-report';
import { CUE_KINDS } from '../../../renderer/engine/call-types';
import { EXPORT_COLUMN_NAMES } from '../../export/export-columns';
import { UTF8_BOM, csvField, neutralizeFormula } from '../../export/export-csv';

type Cell = string | number | null;

interface SummaryColumn {
  name: string;
  /** True when the name is a session export column's, meaning the same thing. */
  shared: boolean;
  value: (r: AnalysisReport) => Cell;
}

const own = (name: string, value: SummaryColumn['value']): SummaryColumn => ({
  name,
  shared: false,
  value,
});
const shared = (name: string, value: SummaryColumn['value']): SummaryColumn => ({
  name,
  shared: true,
  value,
});

function loudness(party: 'caller' | 'agent'): SummaryColumn[] {
  return [
    shared(`${party}_integrated_lufs`, (r) => r.loudness[party].integratedLufs),
    shared(`${party}_max_momentary_lufs`, (r) => r.loudness[party].maxMomentaryLufs),
    shared(`${party}_max_short_term_lufs`, (r) => r.loudness[party].maxShortTermLufs),
    shared(`${party}_peak_dbfs`, (r) => r.loudness[party].peakDbfs),
  ];
}

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  own('file', (r) => r.file),
  shared('duration_sec', (r) => r.durationSec),
  shared('sample_rate', (r) => r.sampleRate),
  own('agent_channel', (r) => r.agentChannel),
  shared('caller_talk_sec', (r) => r.metrics.callerTalkSec),
  shared('agent_talk_sec', (r) => r.metrics.agentTalkSec),
  shared('talk_ratio', (r) => r.metrics.talkRatio),
  shared('overtalk_count', (r) => r.metrics.overtalkCount),
  shared('overtalk_sec', (r) => r.metrics.overtalkSec),
  shared('longest_caller_turn_sec', (r) => r.metrics.longestCallerTurnSec),
  shared('median_response_gap_sec', (r) => r.metrics.medianResponseGapSec),
  shared('time_to_calm_sec', (r) => r.metrics.timeToCalmSec),
  ...CUE_KINDS.map((cue) =>
    shared(`cue_${cue.replaceAll('-', '_')}`, (r) => r.metrics.cueCounts[cue]),
  ),
  ...loudness('caller'),
  ...loudness('agent'),
  own('note', (r) => r.note ?? null),
  // What the analysis found wrong with the recording itself (a codec's crosstalk between the channels), as
  // the JSON's warnings say it: `crosstalk caller->agent -27.0 dB`, several joined by "; ".
  own('warnings', (r) =>
    r.warnings?.length
      ? r.warnings
          .map((w) => `${w.kind} ${w.from}->${w.into} ${w.levelDb.toFixed(1)} dB`)
          .join('; ')
      : null,
  ),
];

// A column renamed in the session export must be renamed here too (and a new one must not clash).
for (const c of SUMMARY_COLUMNS) {
  if (c.shared !== EXPORT_COLUMN_NAMES.includes(c.name))
    throw new Error(
      `Batch CSV column "${c.name}" is ${c.shared ? 'not' : 'also'} a session export column.`,
    );
}

const CRLF = '\r\n';

/** The first bytes of a new summary file: BOM and header row. */
export function summaryCsvHeader(): string {
  return UTF8_BOM + SUMMARY_COLUMNS.map((c) => csvField(c.name)).join(',') + CRLF;
}

/** The `file` cell as written (neutralised as a formula would be), for matching rows on resume. */
export function summaryFileCell(file: string): string {
  return neutralizeFormula(file);
}

export function summaryCsvRow(report: AnalysisReport): string {
  return (
    SUMMARY_COLUMNS.map((c) => {
      const v = c.value(report);
      if (v === null) return '';
      if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
      return csvField(neutralizeFormula(v));
    }).join(',') + CRLF
  );
}
