/**
 * The export dialog's count, a refused start and a failed export, in the agent's language: the real
 * export handlers and service answer with a reason where one can be named (the log unreadable, the disk
 * full), worded by the page; any other failure keeps the host's detail, quoted as it came.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import type { ExportProgress } from '../../../preload/contract/session-export-schema';
import type { Session } from '../../../preload/contract/session-schema';
import { createExportService } from '../../../main/export/export-service';
import { createExportHandlers } from '../../../main/export/export-handlers';
import { describeHostFailure } from '../../../renderer/src/api/host-failure-text';
import { exportFailureText } from '../../../renderer/src/export/export-failure-text';
import { makeSessions } from '../../support/session-factory';
import { tempDirs } from '../../main/support/temp-dirs';
import { intlForLocale } from '../../support/intl-for-locale';
import { failureOf as failed } from '../../support/ipc-results';

const dirs = tempDirs('export-failure-text');
afterEach(() => dirs.cleanup());

const german = intlForLocale('de');
const french = intlForLocale('fr');

const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

function exportsOver(dir: string, sessions: () => AsyncIterable<Session>, count = async () => 3) {
  const service = createExportService({
    sessions,
    count,
    targets: {
      async choose(name) {
        const filePath = path.join(dir, name);
        return { filePath, delivery: { kind: 'file', path: filePath } };
      },
    },
    agentName: () => 'Ana Souza',
    appVersion: '0.1.0',
    now: () => new Date('2026-02-01T12:00:00Z'),
    progressIntervalMs: 0,
  });
  const events: ExportProgress[] = [];
  service.onProgress((p) => events.push(p));
  return { service, events, handlers: createExportHandlers(service) as unknown as IpcHandlers };
}

describe('the export dialog', () => {
  it('says in German that the log could not be read when counting and when starting', async () => {
    const { handlers } = exportsOver(
      dirs.make(),
      () => (async function* () {})(),
      async () => {
        throw errno('EIO', 'EIO: i/o error, read');
      },
    );
    const count = failed(await dispatch(handlers, 'countExportSessions', {}));
    expect(
      german.formatMessage(
        { id: 'export.count-error' },
        { error: describeHostFailure(count, german) },
      ),
    ).toContain('Der Datenordner konnte nicht gelesen werden.');
    const start = failed(await dispatch(handlers, 'startExport', { format: 'csv', filter: {} }));
    expect(describeHostFailure(start, german)).toBe('Der Datenordner konnte nicht gelesen werden.');
    expect(start.message).toBe('The export did not start: the session log could not be read.');
  });

  it('says in French that this window has no exporter (the English message kept)', async () => {
    const handlers = createExportHandlers(undefined) as unknown as IpcHandlers;
    const count = failed(await dispatch(handlers, 'countExportSessions', {}));
    expect(count.message).toBe('Export is not available in this window.');
    expect(describeHostFailure(count, french)).toBe(
      'l’export n’est pas disponible dans cette fenêtre.',
    );
  });

  it('says in French that an export stopped on a full disk; another failure keeps its detail', async () => {
    const [first] = makeSessions(1, { seed: 7 });
    const { service, events } = exportsOver(dirs.make(), () =>
      (async function* () {
        yield first;
        throw errno('ENOSPC', 'ENOSPC: no space left on device, write');
      })(),
    );
    await service.start({ format: 'csv', filter: {} });
    await service.idle();
    const end = events.at(-1);
    expect(end).toMatchObject({ state: 'failed', reason: 'disk-full' });
    expect(exportFailureText(end, french)).toBe(
      'L’export a échoué, aucun fichier n’a été écrit\u00a0: le disque est plein. Rien de ce qui était déjà enregistré n’a changé.',
    );
    expect(exportFailureText({ message: 'zip: bad header' }, french)).toBe(
      'L’export a échoué\u00a0: zip: bad header. Aucun fichier n’a été écrit.',
    );
  });
});
