/**
 * Prints each floor call as call recorders store it (tests/support/recording-formats.ts), analysed and
 * scored against the same truth: `npx tsx tests/engine/recording-formats-report.ts [--paths]
 * [--json] [--condition C]… [--format F]…` — the floor set, or with --paths the audio paths of issue 25. One row per condition and format: caller and agent speech accuracy,
 * your-turn precision/recall, interruptions found, false overtalk, and the analysis's warnings.
 * The assertions live in recording-formats.test.ts.
 */
import {
  FLOOR_CONDITIONS,
  PATH_CONDITIONS,
  floorCall,
  type FloorCondition,
} from '../support/floor-calls';
import {
  RECORDING_FORMATS,
  scoreRecording,
  type RecordingFormat,
} from '../support/recording-formats';

const picked = (flag: string): string[] =>
  process.argv.flatMap((a, i) => (process.argv[i - 1] === flag ? [a] : []));
const all: readonly FloorCondition[] = process.argv.includes('--paths')
  ? PATH_CONDITIONS
  : FLOOR_CONDITIONS;
const conditions = (picked('--condition') as FloorCondition[]).filter((c) => all.includes(c));
const formats = (picked('--format') as RecordingFormat[]).filter((f) =>
  RECORDING_FORMATS.includes(f),
);

const rows = [];
for (const condition of conditions.length ? conditions : all) {
  const call = floorCall(condition);
  for (const format of formats.length ? formats : RECORDING_FORMATS) {
    const { score, report } = await scoreRecording(call, format);
    rows.push({ condition, format, score, warnings: report.warnings ?? [] });
  }
}

if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else {
  const f = (x: number): string => x.toFixed(2);
  console.log(
    '| condition | format | caller acc | agent acc | your-turn P/R | interruptions | false overtalk | warnings |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { condition, format, score: s, warnings } of rows) {
    const w = warnings.map((x) => `${x.kind} ${x.from}→${x.into} ${x.levelDb} dB`).join('; ');
    console.log(
      `| ${condition} | ${format} | ${f(s.accuracy.caller)} | ${f(s.accuracy.agent)} | ${f(s.yourTurn.precision)}/${f(s.yourTurn.recall)} | ${s.interruptionsFound}/${s.interruptions} | ${s.falseOvertalk} | ${w} |`,
    );
  }
}
