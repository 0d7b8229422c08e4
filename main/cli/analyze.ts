/**
 * Offline analyser: `npm run --silent analyze -- FILE.wav [--agent left|right] [--series]
 * [--agent-normal-lufs X]` prints one JSON document (call-analysis-report.ts) on stdout. The file is read
 * and analysed block by block, so its length does not matter. Bad input — a missing file, not a WAV, a
 * truncated or unsupported one, bad flags — exits with code 2 and one line on stderr.
 */
import path from 'node:path';
import { CallAnalyser } from '../../renderer/engine/call-analysis-report';
import { BadInputError, parseAnalyzeArgs } from './analyze-args';
import { openWavFile } from './wav-file-reader';

const BLOCK_FRAMES = 1 << 16;

function main(argv: readonly string[]): number {
  const args = parseAnalyzeArgs(argv);
  // `npm run analyze` starts in the package root; a relative path means the directory npm was run from.
  const fromNpm = process.env.npm_lifecycle_event === 'analyze' && process.env.INIT_CWD;
  const wav = openWavFile(
    path.resolve(fromNpm ? process.env.INIT_CWD! : process.cwd(), args.file),
    args.file,
  );
  try {
    const { format } = wav;
    const analyser = new CallAnalyser({
      sampleRate: format.sampleRate,
      channelCount: format.channelCount,
      agentChannel: args.agentChannel,
      agentNormalLufs: args.agentNormalLufs,
      series: args.series,
    });
    const channels: Float32Array[] = [];
    for (let c = 0; c < format.channelCount; c++) channels.push(new Float32Array(BLOCK_FRAMES));
    for (let at = 0; at < wav.frameCount;) {
      const n = wav.read(at, BLOCK_FRAMES, channels);
      analyser.push(channels, 0, n);
      at += n;
    }
    const report = analyser.finish(args.file, wav.notes);
    process.stdout.write(
      `${JSON.stringify(report, null, process.stdout.isTTY && !args.series ? 2 : undefined)}\n`,
    );
    return 0;
  } finally {
    wav.close();
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof BadInputError) {
    process.stderr.write(`analyze: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(
      `analyze: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
