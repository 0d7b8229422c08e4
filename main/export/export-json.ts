/**
 * JSON export: the versioned envelope of preload/contract/session-export-schema.ts with every session in full
 * (schemaVersion 2, exactly as stored), one session per line, written as a stream. From the team store,
 * `agentIds` follows the sessions: each session's id → the agent id the store recorded for the login that
 * synced it (the session itself stays exactly as saved, so the file imports like any other).
 */
import type { SessionExportHeader } from '../../preload/contract/session-export-schema';
import type { Session } from '../../preload/contract/session-schema';
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
  agentIdOf?: (session: Session) => string | null,
): Promise<number> {
  return writeText(filePath, async (sink) => {
    const head = JSON.stringify(header);
    sink.add(`${head.slice(0, -1)},"sessions":[`);
    let first = true;
    const agentIds: string[] = [];
    await forEachSession(sessions, progress, (session) => {
      const text = (first ? '\n' : ',\n') + JSON.stringify(session);
      first = false;
      const agentId = agentIdOf?.(session) ?? null;
      if (agentId !== null)
        agentIds.push(`${JSON.stringify(session.id)}:${JSON.stringify(agentId)}`);
      return sink.add(text);
    });
    sink.add(`${first ? '' : '\n'}]`);
    if (agentIdOf !== undefined) sink.add(`,"agentIds":{${agentIds.join(',\n')}}`);
    sink.add('}\n');
  });
}
