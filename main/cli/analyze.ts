/**
 * Offline analyser: `npm run --silent analyze -- FILE [--agent left|right] [--series]
 * [--agent-normal-lufs X]` prints one JSON document (call-analysis-report.ts) on stdout. FILE is a call
 * in any format call-audio-reader.ts reads (WAV: PCM, float, µ-law, A-law, GSM 6.10; MP3; Ogg Opus;
 * FLAC), read and analysed block by block, so its length does not matter.
 *
 * Several files, a folder (or --csv/--out/--jobs) make a batch (batch/analyze-batch.ts): the calls are
 * analysed on worker threads, one JSON line each (the same document), with a CSV summary and resume.
 *
 * Exit codes: 0 every call analysed (or already done); 1 an internal error; 2 bad flags, or the single
 * call could not be read (one line on stderr), or a batch found no calls; 3 a batch analysed what it
 * could but some calls could not be read (each named on stderr).
 *
 * Shipped as a bundle (out/cli/analyze.js, run by plain node: bundle/build-cli.mjs); the same file is the
 * batch's worker-thread entry.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { cliText } from '../i18n/main-locale';
import { BadInputError, isBatch, parseAnalyzeArgs } from './analyze-args';
import { analyseCallFile } from './call-file-analysis';

/** Messages for people (stderr) in the environment's language; the JSON documents never change. */
const text = cliText();

async function main(argv: readonly string[]): Promise<number> {
  const args = parseAnalyzeArgs(argv);
  // `npm run analyze` starts in the package root; a relative path means the directory npm was run from.
  const fromNpm = process.env.npm_lifecycle_event === 'analyze' && process.env.INIT_CWD;
  const baseDir = fromNpm ? process.env.INIT_CWD! : process.cwd();
  if (isBatch(args) || isFolder(path.resolve(baseDir, args.file))) {
    const { runAnalyzeBatch } = await import('./batch/analyze-batch');
    return runAnalyzeBatch(args, baseDir, new URL(import.meta.url), text);
  }
  const report = await analyseCallFile(path.resolve(baseDir, args.file), args.file, args);
  process.stdout.write(
    `${JSON.stringify(report, null, process.stdout.isTTY && !args.series ? 2 : undefined)}\n`,
  );
  return 0;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof BadInputError) {
        process.stderr.write(`analyze: ${error.in(text)}\n`);
        process.exitCode = 2;
      } else {
        const reason = error instanceof Error ? error.message : String(error);
        process.stderr.write(`analyze: ${text.format('cli.analyze.internal-error', { reason })}\n`);
        process.exitCode = 1;
      }
    },
  );
} else {
  void import('./batch/analyze-worker').then((m) => m.serveAnalyzeJobs());
}
