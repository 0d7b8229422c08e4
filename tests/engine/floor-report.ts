/**
 * Prints the floor test set's scores, one row per condition (the tables in the issues' closing notes):
 * `npx tsx tests/engine/floor-report.ts [--paths] [--json]` — the floor set, or with --paths the audio
 * paths of issue 25 swept over levels. The assertions live in floor-cues.test.ts and audio-paths.test.ts.
 */
import {
  FLOOR_CONDITIONS,
  PATH_CONDITIONS,
  analyseFloorCall,
  floorCall,
  scoreFloorCall,
  type FloorScore,
} from '../support/floor-calls';

const conditions = process.argv.includes('--paths') ? PATH_CONDITIONS : FLOOR_CONDITIONS;
const rows: FloorScore[] = [];
for (const condition of conditions) {
  const call = floorCall(condition);
  rows.push(scoreFloorCall(call, analyseFloorCall(call.wav)));
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else {
  const f = (x: number): string => x.toFixed(2);
  console.log(
    '| condition | caller acc | agent acc | your-turn P/R | interruptions | false overtalk | too-loud hit · false | heated hit/false |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.condition} | ${f(r.accuracy.caller)} | ${f(r.accuracy.agent)} | ${f(r.yourTurn.precision)}/${f(r.yourTurn.recall)} | ${r.interruptionsFound}/${r.interruptions} | ${r.falseOvertalk} | ${r.tooLoudHits}/${r.loudReplies} · ${r.falseTooLoud} | ${r.heatedHits}/${r.heatedTurns} · ${r.falseHeated} |`,
    );
  }
}
