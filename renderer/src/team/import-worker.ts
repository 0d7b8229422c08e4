/**
 * The team view's import worker: reads and validates export files off the UI thread (a 100 MB export
 * takes seconds to parse and validate), posting progress and one outcome per file.
 */
import { z } from 'zod';
import { importFile } from './import-file';
import type { ImportReply, ImportRequest } from './import-protocol';

// Same CSP as the page (no eval): keep zod from probing `new Function`.
z.config({ jitless: true });

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply): void;
};

scope.onmessage = (event) => {
  const { id, file, name } = event.data;
  void importFile(file, name, (validated, total) =>
    scope.postMessage({ id, type: 'progress', validated, total }),
  ).then((outcome) => scope.postMessage({ id, type: 'outcome', outcome }));
};
