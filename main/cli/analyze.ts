/**
 * Offline analyser: `npm run --silent analyze -- FILE [--agent left|right] [--series]
 * [--agent-normal-lufs X]` prints one JSON document (call-analysis-report.ts) on stdout. FILE is a call
 * in any format call-audio-reader.ts reads (WAV: PCM, float, µ-law, A-law, GSM 6.10; MP3; Ogg Opus;
 * FLAC), read and analysed block by block, so its length does not matter. Bad input — a missing file,
 * not an audio file, a truncated or unsupported one, bad flags — exits with code 2 and one line on stderr.
 */
import path from 'node:path';
import { CallAnalyser } from '../../renderer/engine/call-analysis-report';
import { BadInputError, parseAnalyzeArgs } from './analyze-args';
import { openCallAudioFile } from './call-audio-reader';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseAnalyzeArgs(argv);
  // `npm run analyze` starts in the package root; a relative path means the directory npm was run from.
  const fromNpm = process.env.npm_lifecycle_event === 'analyze' && process.env.INIT_CWD;
  const call = await openCallAudioFile(
    path.resolve(fromNpm ? process.env.INIT_CWD! : process.cwd(), args.file),
    args.file,
  );
  try {
    const analyser = new CallAnalyser({
      sampleRate: call.sampleRate,
      channelCount: call.channelCount,
      agentChannel: args.agentChannel,
      agentNormalLufs: args.agentNormalLufs,
      series: args.series,
    });
    for (let block = await call.next(); block; block = await call.next())
      analyser.push(block, 0, block[0].length);
    const report = analyser.finish(args.file, call.notes);
    process.stdout.write(
      `${JSON.stringify(report, null, process.stdout.isTTY && !args.series ? 2 : undefined)}\n`,
    );
    return 0;
  } finally {
    call.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BadInputError) {
      process.stderr.write(`analyze: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(
        `analyze: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
