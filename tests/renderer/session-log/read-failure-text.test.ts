/**
 * The log, a session's page and the follow-ups when the data folder cannot be read: the real session
 * handlers answer with a reason, and the page says it in the agent's language (host-failure-text.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { createSessionHandlers } from '../../../main/sessions/session-handlers';
import { openSessionServices } from '../../../main/host/session-services';
import { describeHostFailure } from '../../../renderer/src/api/host-failure-text';
import { tempDirs } from '../../main/support/temp-dirs';
import { intlForLocale } from '../../support/intl-for-locale';
import { failureOf as failed } from '../../support/ipc-results';

const dirs = tempDirs('read-failure-text');
afterEach(() => dirs.cleanup());

const german = intlForLocale('de');
const french = intlForLocale('fr');

/** Session handlers over a data folder whose every read throws EIO. */
function unreadable() {
  const services = openSessionServices({ dataDir: dirs.make() });
  const refuse = () => {
    throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
  };
  services.repository.list = refuse;
  services.repository.get = refuse;
  services.repository.followUpPage = refuse;
  return createSessionHandlers(services) as unknown as IpcHandlers;
}

describe('a data folder that cannot be read', () => {
  it('is said in German in the log and on a session’s page, in French in the follow-ups', async () => {
    const handlers = unreadable();
    const log = failed(await dispatch(handlers, 'listSessions', { offset: 0, limit: 25 }));
    expect(
      german.formatMessage({ id: 'log.error' }, { error: describeHostFailure(log, german) }),
    ).toBe('Das Protokoll ließ sich nicht lesen: Der Datenordner konnte nicht gelesen werden.');
    expect(log.message).toBe('The log could not be read: the data folder could not be read.');

    const session = failed(
      await dispatch(handlers, 'getSession', { id: '6f1c2a9e-4b7d-4c1e-9a3f-2d5b8e7c1a40' }),
    );
    expect(
      german.formatMessage(
        { id: 'log.detail.not-read' },
        { error: describeHostFailure(session, german) },
      ),
    ).toBe('Dieses Gespräch ließ sich nicht lesen: Der Datenordner konnte nicht gelesen werden.');

    const followUps = failed(
      await dispatch(handlers, 'listFollowUpPage', {
        section: 'due',
        asOf: '2026-12-06',
        offset: 0,
        limit: 10,
      }),
    );
    expect(
      french.formatMessage(
        { id: 'follow-ups.error' },
        { error: describeHostFailure(followUps, french) },
      ),
    ).toMatch(/ le dossier de données n’a pas pu être lu\.$/);
  });
});
