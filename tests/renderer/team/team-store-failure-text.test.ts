/**
 * The team view when the team store cannot be read says why in the agent's language: the real team
 * handlers answer with the store's problem as data (kind, where, as whom), worded by the page; the host
 * keeps its English line for the log, the status and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { createTeamHandlers } from '../../../main/team/team-handlers';
import type { TeamServices } from '../../../main/team/team-services';
import type { TeamConfig } from '../../../main/team/team-config';
import { describeHostFailure } from '../../../renderer/src/api/host-failure-text';
import { intlForLocale } from '../../support/intl-for-locale';
import { failureOf as failed } from '../../support/ipc-results';

const german = intlForLocale('de');
const french = intlForLocale('fr');

/** A team whose store throws `error` on every read. */
function teamWhoseStoreThrows(error: Error): TeamServices {
  const refuse = () => Promise.reject(error);
  return {
    config: { url: 'postgres://lead@db.example:5433/calm' } as TeamConfig,
    sync: null,
    store: { list: refuse, figures: refuse },
    status: () => ({ state: 'off' }),
  } as unknown as TeamServices;
}

describe('the team store could not be read', () => {
  it('says in German that the server refused the connection, naming the store', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const handlers = createTeamHandlers(teamWhoseStoreThrows(refused));
    const failure = failed(await handlers.listTeamSessions({ offset: 0, limit: 50 }));
    expect(
      german.formatMessage(
        { id: 'team.store.not-read' },
        { error: describeHostFailure(failure, german) },
      ),
    ).toBe(
      'Die Team-Datenbank ließ sich nicht lesen: Die Team-Datenbank auf db.example:5433/calm hat die Verbindung abgelehnt (läuft der Server?).',
    );
    expect(failure.message).toBe(
      'The team store could not be read: the team store at db.example:5433/calm refused the connection (is the server running?).',
    );
  });

  it('says in French that the login was refused, and that no store is configured', async () => {
    const login = Object.assign(new Error('password authentication failed'), { code: '28P01' });
    const handlers = createTeamHandlers(teamWhoseStoreThrows(login));
    const failure = failed(await handlers.getTeamFigures({}));
    expect(describeHostFailure(failure, french)).toBe(
      'la base d’équipe sur db.example:5433/calm a refusé la connexion de «\u00a0lead\u00a0» (utilisateur ou mot de passe erroné, ou non autorisé depuis ce poste).',
    );
    const none = failed(
      await createTeamHandlers(undefined).listTeamSessions({ offset: 0, limit: 50 }),
    );
    expect(describeHostFailure(none, french)).toBe(
      'aucune base d’équipe n’est configurée sur cet ordinateur (le service informatique place team-store.json dans le dossier de données).',
    );
  });
});
