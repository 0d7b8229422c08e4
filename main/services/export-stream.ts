/** Plumbing every export format shares: a source of sessions, progress and cancel, text to a file. */
import { open } from 'node:fs/promises';
import type { Session } from '../../preload/session-schema';

/** The repository's `iterateSessions(query)`, an array, or any generator. */
export type SessionSource = Iterable<Session> | AsyncIterable<Session>;

export interface WriteProgress {
  /** Aborting stops the export at the next session (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** Called after each session is written, with how many are written so far. */
  readonly onSession?: (written: number) => void;
}

/** Passes sessions through, counting them and stopping when the signal aborts. */
export async function* countSessions(sessions: SessionSource, progress?: WriteProgress): AsyncGenerator<Session, void, undefined> {
  let written = 0;
  const signal = progress?.signal;
  const onSession = progress?.onSession;
  signal?.throwIfAborted();
  for await (const session of sessions) {
    signal?.throwIfAborted();
    yield session;
    written++;
    onSession?.(written);
  }
  signal?.throwIfAborted();
}

/** Writes UTF-8 text chunks to a new file (truncating); resolves to the bytes written. */
export async function writeTextFile(filePath: string, chunks: AsyncIterable<string>): Promise<number> {
  const handle = await open(filePath, 'w');
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      const buffer = Buffer.from(chunk, 'utf8');
      await handle.write(buffer, 0, buffer.length);
      bytes += buffer.length;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return bytes;
}
