/**
 * JSON export: the versioned envelope of preload/contract/session-export-schema.ts with every session in full
 * (schemaVersion 2, exactly as stored), one session per line, written as a stream.
 */
import type { SessionExportHeader } from '../../preload/contract/session-export-schema';
import { forEachSession, writeText, type SessionSource, type WriteProgress } from './export-stream';

/** The envelope as text chunks: header fields, then `"sessions":[` … `]}`. */
export async function* jsonChunks(
  header: SessionExportHeader,
  sessions: SessionSource,
  chunkChars = 1 << 20,
): AsyncGenerator<string, void, undefined> {
  const head = JSON.stringify(header);
  let chunk = `${head.slice(0, -1)},"sessions":[`;
  let first = true;
  for await (const session of sessions) {
    chunk += (first ? '\n' : ',\n') + JSON.stringify(session);
    first = false;
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${first ? '' : '\n'}]}\n`;
}

export function writeJsonFile(
  sessions: SessionSource,
  filePath: string,
  header: SessionExportHeader,
  progress?: WriteProgress,
): Promise<number> {
  return writeText(filePath, async (sink) => {
    const head = JSON.stringify(header);
    sink.add(`${head.slice(0, -1)},"sessions":[`);
    let first = true;
    await forEachSession(sessions, progress, (session) => {
      const text = (first ? '\n' : ',\n') + JSON.stringify(session);
      first = false;
      return sink.add(text);
    });
    sink.add(`${first ? '' : '\n'}]}\n`);
  });
}
