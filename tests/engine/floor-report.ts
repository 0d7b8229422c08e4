/**
 * Prints the floor test set's scores, one row per condition (the table in the closing note):
 * `npx tsx tests/engine/floor-report.ts [--json]`. The assertions live in floor-cues.test.ts.
 */
import {
  FLOOR_CONDITIONS,
  analyseFloorCall,
  floorCall,
  scoreFloorCall,
  type FloorScore,
} from '../support/floor-calls';

const rows: FloorScore[] = [];
for (const condition of FLOOR_CONDITIONS) {
  const call = floorCall(condition);
  rows.push(scoreFloorCall(call, analyseFloorCall(call.wav)));
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else {
  const f = (x: number): string => x.toFixed(2);
  console.log(
    '| condition | caller acc | agent acc | your-turn P/R | interruptions | false overtalk | false too-loud | heated hit/false |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.condition} | ${f(r.accuracy.caller)} | ${f(r.accuracy.agent)} | ${f(r.yourTurn.precision)}/${f(r.yourTurn.recall)} | ${r.interruptionsFound}/${r.interruptions} | ${r.falseOvertalk} | ${r.falseTooLoud} | ${r.heatedHits}/${r.heatedTurns} · ${r.falseHeated} |`,
    );
  }
}
