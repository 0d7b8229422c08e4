/**
 * `analyze` on several calls: the files and folders given (batch-inputs.ts) are analysed on worker
 * threads, one per core by default (--jobs N), each call by the same code as `analyze FILE`. As each call
 * finishes its document goes out as one JSON line (stdout, or --out FILE) and a row of the CSV summary
 * (--csv FILE); output files are appended to and resumed (batch-outputs.ts). A call that cannot be read
 * is named on stderr with the reason and skipped. Progress on stderr (batch-progress.ts).
 *
 * Returns the exit code: 0 all analysed (or already done), 3 some calls could not be read, 1 an internal
 * error in some call. Memory per worker stays that of one call: calls are streamed block by block.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MainText } from '../../i18n/main-text';
import type { AnalyzeArgs } from '../analyze-args';
import { expandBatchInputs, type BatchCall } from './batch-inputs';
import { jsonLinesFile, stdoutJsonLines, summaryCsvFile, type BatchOutput } from './batch-outputs';
import { BatchProgress, type ProgressCounts } from './batch-progress';
import type { AnalyzeJob, AnalyzeJobResult } from './batch-protocol';

export const EXIT_SOME_UNREADABLE = 3;

export async function runAnalyzeBatch(
  args: AnalyzeArgs,
  baseDir: string,
  workerUrl: URL,
  text: MainText,
): Promise<number> {
  const calls = expandBatchInputs(args.inputs, baseDir);
  const files: BatchOutput[] = [];
  if (args.out) files.push(jsonLinesFile(path.resolve(baseDir, args.out), args.out));
  if (args.csv) files.push(summaryCsvFile(path.resolve(baseDir, args.csv), args.csv));
  const outputs = args.out ? files : [stdoutJsonLines(), ...files];
  try {
    // Done: in every output file (with none, nothing is remembered between runs).
    const todo = calls.filter((c) => files.length === 0 || !files.every((o) => o.has(c.file)));
    const counts: ProgressCounts = {
      total: todo.length,
      analysed: 0,
      failed: 0,
      alreadyDone: calls.length - todo.length,
    };
    const progress = new BatchProgress(counts, text);
    let internalErrors = 0;
    await runPool(todo, Math.min(args.jobs ?? availableParallelism(), todo.length), workerUrl, {
      job: (call, id) => ({
        id,
        file: call.file,
        path: call.path,
        options: {
          agentChannel: args.agentChannel,
          agentNormalLufs: args.agentNormalLufs,
          series: args.series,
        },
      }),
      done: (call, result) => {
        if (result.ok) {
          for (const o of outputs) if (!o.has(call.file)) o.write(result.report);
          counts.analysed++;
        } else {
          counts.failed++;
          if (!result.unreadable) internalErrors++;
          progress.message(
            `analyze: ${
              result.unreadable
                ? result.message
                : text.format('cli.analyze.call-internal-error', {
                    file: call.file,
                    reason: result.message,
                  })
            }`,
          );
        }
        progress.update();
      },
    });
    progress.finish();
    if (internalErrors > 0) return 1;
    return counts.failed > 0 ? EXIT_SOME_UNREADABLE : 0;
  } finally {
    for (const o of outputs) o.close();
  }
}

interface PoolHandlers {
  job(call: BatchCall, id: number): AnalyzeJob;
  done(call: BatchCall, result: AnalyzeJobResult): void;
}

/**
 * Each worker's V8 young generation, in MB. V8 grows it towards 16 MB or more per thread when left alone,
 * and the batch's peak memory grew with the number of calls (2 workers: 106 MB on 4 calls, 191 MB on
 * 40); at 2 MB it stays near 100 MB, with the same wall time (measured: 8.3 s either way for 40 calls).
 */
const WORKER_YOUNG_GENERATION_MB = 2;

/** Runs every call on `size` workers, each taking the next call when it finishes one. */
function runPool(
  calls: readonly BatchCall[],
  size: number,
  workerUrl: URL,
  handlers: PoolHandlers,
): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let running = 0;
    const start = (): void => {
      const worker = new Worker(workerUrl, {
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      let current: { call: BatchCall; id: number } | null = null;
      const feed = (): void => {
        if (next >= calls.length) {
          current = null;
          void worker.terminate();
          if (--running === 0) resolve();
          return;
        }
        const id = next++;
        current = { call: calls[id], id };
        worker.postMessage(handlers.job(calls[id], id));
      };
      worker.on('message', (result: AnalyzeJobResult) => {
        if (current) handlers.done(current.call, result);
        feed();
      });
      worker.on('error', (error) => {
        // The worker died (out of memory, a bug): its call fails, a new worker takes over.
        if (current)
          handlers.done(current.call, {
            id: current.id,
            ok: false,
            unreadable: false,
            message: error.message,
            heapUsedBytes: 0,
          });
        current = null;
        running--;
        if (next < calls.length) {
          running++;
          start();
        } else if (running === 0) resolve();
      });
      running++;
      feed();
    };
    if (calls.length === 0) {
      resolve();
      return;
    }
    for (let i = 0; i < size; i++) start();
  });
}
