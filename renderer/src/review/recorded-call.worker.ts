/**
 * The analysis worker for "Open a recorded call…": reads the File in blocks and runs the engine, posting
 * progress. Cancelling terminates the worker.
 */
import { analyseRecordedCall } from './recorded-call-analysis';
import type { AnalyseRequest, WorkerReply } from './recorded-call-protocol';

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<AnalyseRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { file, agentChannel, settings } = event.data;
  let lastPosted = -1;
  analyseRecordedCall({
    name: file.name,
    size: file.size,
    read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
    agentChannel,
    settings,
    onProgress: (fraction) => {
      // At most one message per percent.
      const pct = Math.floor(fraction * 100);
      if (pct === lastPosted) return;
      lastPosted = pct;
      scope.postMessage({ type: 'progress', fraction });
    },
  }).then(
    (report) => scope.postMessage({ type: 'done', report }),
    (error: unknown) =>
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
