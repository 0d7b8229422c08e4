/**
 * The team view's imported exports kept until removed: the workspace (each export with its agent and its
 * sessions) is written to the page's IndexedDB after every change and read back when the app starts —
 * in the desktop app its own profile, in the browser host the browser's site data for that address.
 * IndexedDB, not localStorage: a year of a team's exports is tens of megabytes.
 */
import type { TeamWorkspace } from './team-workspace';

const DB = 'calm-line-team';
const STORE = 'workspace';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

function run<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

/** The workspace kept by an earlier run, undefined when none (or it cannot be read). */
export async function readKeptWorkspace(): Promise<TeamWorkspace | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  try {
    const value = (await run('readonly', (store) => store.get(KEY))) as unknown;
    const kept = value as TeamWorkspace | undefined;
    return kept && Array.isArray(kept.sources) && typeof kept.nextId === 'number'
      ? kept
      : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the workspace; resolves to null when kept, else why not (the imports still work this run). */
export async function keepWorkspace(workspace: TeamWorkspace): Promise<string | null> {
  if (typeof indexedDB === 'undefined') return 'this browser keeps no data';
  try {
    await run('readwrite', (store) => store.put(workspace, KEY));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
