/**
 * The batch summary's warnings column: a recording whose channels carry each other (a codec's joint stereo)
 * is flagged in its row as the analysis JSON flags it, so a quality team sorting the sheet sees which calls'
 * figures to distrust; a clean call's cell is empty.
 */
import { describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS, summaryCsvRow } from '../../../../main/cli/batch/analysis-csv';
import { analyseDecodedCall } from '../../../../renderer/engine/call-analysis-report';

const SR = 16000;

/** 20 s of a "voice" on the caller side (noise bursts) and its copy 26 dB down mixed into the agent side. */
function crosstalkCall(copyDb: number | null): Float32Array[] {
  const n = SR * 20;
  const caller = new Float32Array(n);
  const agent = new Float32Array(n);
  let seed = 1;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
  for (let i = 0; i < n; i++) {
    const on = Math.floor(i / (SR * 0.4)) % 3 !== 2; // 0.8 s on, 0.4 s off
    caller[i] =
      (on ? 0.1 * Math.sin((2 * Math.PI * 220 * i) / SR) * (1 + 0.5 * rnd()) : 0) + 0.0005 * rnd();
    agent[i] = 0.0005 * rnd();
  }
  if (copyDb !== null) {
    const g = 10 ** (copyDb / 20);
    for (let i = 0; i < n; i++) agent[i] += g * caller[i];
  }
  return [agent, caller];
}

function warningsCell(channels: Float32Array[]): string {
  const report = analyseDecodedCall('call.wav', channels, { sampleRate: SR, agentChannel: 'left' });
  const cells = summaryCsvRow(report).trimEnd().split(',');
  return cells[SUMMARY_COLUMNS.findIndex((c) => c.name === 'warnings')];
}

describe('the batch summary’s warnings column', () => {
  it('names the crosstalk the analysis found, direction and level', () => {
    expect(warningsCell(crosstalkCall(-26))).toMatch(/^crosstalk caller->agent -2\d\.\d dB$/);
  });

  it('is empty for a call whose channels are apart', () => {
    expect(warningsCell(crosstalkCall(null))).toBe('');
  });
});
