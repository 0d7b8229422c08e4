/**
 * Plumbing every export format shares: a source of sessions walked with progress and cancel, and text
 * written to a file in large chunks. Sessions from an array are walked without a promise per session; the
 * event loop still runs at every chunk write (about every megabyte), so progress and a cancel get through.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { Session } from '../../preload/contract/session-schema';

/** The repository's `iterate(query)`, an array, or any generator. */
export type SessionSource = Iterable<Session> | AsyncIterable<Session>;

export interface WriteProgress {
  /** Aborting stops the export at the next session (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** Called after each session is written, with how many are written so far. */
  readonly onSession?: (written: number) => void;
}

function isSyncIterable(source: SessionSource): source is Iterable<Session> {
  return typeof (source as Iterable<Session>)[Symbol.iterator] === 'function';
}

/** Calls `visit` for each session in order (awaiting it only when it returns a promise); resolves to the count. */
export async function forEachSession(
  sessions: SessionSource,
  progress: WriteProgress | undefined,
  visit: (session: Session) => void | Promise<void>,
): Promise<number> {
  const signal = progress?.signal;
  const onSession = progress?.onSession;
  let written = 0;
  signal?.throwIfAborted();
  if (isSyncIterable(sessions)) {
    for (const session of sessions) {
      signal?.throwIfAborted();
      const pending = visit(session);
      if (pending) await pending;
      onSession?.(++written);
    }
  } else {
    for await (const session of sessions) {
      signal?.throwIfAborted();
      const pending = visit(session);
      if (pending) await pending;
      onSession?.(++written);
    }
  }
  signal?.throwIfAborted();
  return written;
}

/** Text to a new file in chunks of about `chunkChars` characters; `add` returns a promise only when it wrote. */
export interface TextSink {
  add(text: string): Promise<void> | undefined;
  /** Writes the rest, syncs and closes; resolves to the bytes written. */
  finish(): Promise<number>;
  /** Closes without finishing (the caller removes the file). */
  abort(): Promise<void>;
}

export async function openTextSink(filePath: string, chunkChars = 1 << 20): Promise<TextSink> {
  const handle: FileHandle = await open(filePath, 'w');
  let parts: string[] = [];
  let length = 0;
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (parts.length === 0) return;
    const buffer = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    length = 0;
    await handle.write(buffer, 0, buffer.length);
    bytes += buffer.length;
  };
  return {
    add(text) {
      parts.push(text);
      length += text.length;
      return length >= chunkChars ? flush() : undefined;
    },
    async finish() {
      try {
        await flush();
        await handle.sync();
      } finally {
        await handle.close();
      }
      return bytes;
    },
    async abort() {
      await handle.close().catch(() => undefined);
    },
  };
}

/** Writes a file through a sink: `fill` adds the text; any failure closes the file and rethrows. */
export async function writeText(
  filePath: string,
  fill: (sink: TextSink) => Promise<void>,
): Promise<number> {
  const sink = await openTextSink(filePath);
  try {
    await fill(sink);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return sink.finish();
}
