/**
 * A batch worker thread: analyses the calls it is sent, one at a time (call-file-analysis.ts, the same
 * code as `analyze FILE`), and answers each with the document or the one-line reason it could not be read
 * (in the program's language: the thread has its environment).
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { describeError } from '../../i18n/catalogue-error';
import { cliText } from '../../i18n/main-locale';
import { BadInputError } from '../analyze-args';
import { analyseCallFile } from '../call-file-analysis';
import type { AnalyzeJob, AnalyzeJobResult } from './batch-protocol';

export function serveAnalyzeJobs(): void {
  const port = parentPort;
  if (!port) throw new Error('serveAnalyzeJobs() runs in a worker thread.');
  port.on('message', (job: AnalyzeJob) => {
    void analyseCallFile(job.path, job.file, job.options).then(
      (report) => {
        const result: AnalyzeJobResult = {
          id: job.id,
          ok: true,
          report,
          heapUsedBytes: getHeapStatistics().used_heap_size,
        };
        port.postMessage(result);
      },
      (error: unknown) => {
        const result: AnalyzeJobResult = {
          id: job.id,
          ok: false,
          unreadable: error instanceof BadInputError,
          message: describeError(error, cliText()),
          heapUsedBytes: getHeapStatistics().used_heap_size,
        };
        port.postMessage(result);
      },
    );
  });
}
