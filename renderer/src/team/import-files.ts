/**
 * Imports files one after another in a worker (falls back to the page when workers are unavailable), so
 * the UI stays responsive while a large export is parsed and validated.
 */
import { importFile } from './import-file';
import type { ImportReply, ImportRequest } from './import-protocol';
import type { ImportOutcome } from './import-session-export';

export interface NamedFile {
  readonly file: File;
  readonly name: string;
}

let worker: Worker | null | undefined;
let nextId = 1;

function getWorker(): Worker | null {
  if (worker === undefined) {
    try {
      worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
        type: 'module',
        name: 'calm-line-import',
      });
    } catch {
      worker = null;
    }
  }
  return worker;
}

function importInWorker(
  w: Worker,
  item: NamedFile,
  onProgress: (validated: number, total: number) => void,
): Promise<ImportOutcome> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') onProgress(reply.validated, reply.total);
      else {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        resolve(reply.outcome);
      }
    };
    const onError = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      worker = null;
      resolve(importFile(item.file, item.name, onProgress));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ id, file: item.file, name: item.name } satisfies ImportRequest);
  });
}

export function importOne(
  item: NamedFile,
  onProgress: (validated: number, total: number) => void,
): Promise<ImportOutcome> {
  const w = getWorker();
  return w ? importInWorker(w, item, onProgress) : importFile(item.file, item.name, onProgress);
}

/** The JSON files of a picked folder (or a multi-file pick), named by their path inside the folder. */
export function namedJsonFiles(
  list: FileList | null,
  fromFolder: boolean,
): { files: NamedFile[]; skipped: number } {
  const files: NamedFile[] = [];
  let skipped = 0;
  for (const file of list ? Array.from(list) : []) {
    const name = (fromFolder && file.webkitRelativePath) || file.name;
    if (fromFolder && !/\.json$/i.test(file.name)) skipped++;
    else files.push({ file, name });
  }
  return { files, skipped };
}
