/**
 * Sessions the team store refused, as the header says them: the sync keeps why as data beside its English
 * line (the status's error, the CLI's and the log's), in the queue file too, so the page words it in the
 * agent's language after a restart as well — another agent's session id in the team, or a row the store
 * itself refused (a constraint).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseTeamConfig } from '../../../main/team/team-config';
import { openSyncQueue } from '../../../main/team/sync-queue';
import { createTeamSync, type TeamSync } from '../../../main/team/team-sync';
import type { SessionToStore, TeamStore } from '../../../main/team/team-store';
import { describeSyncStatus } from '../../../renderer/src/team/team-sync-words';
import { makeSessions } from '../../support/session-factory';
import { intlForLocale } from '../../support/intl-for-locale';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('session-refusal-words');
const syncs: TeamSync[] = [];
afterEach(async () => {
  for (const sync of syncs.splice(0)) await sync.stop();
  dirs.cleanup();
});

const CONFIG = parseTeamConfig(
  {
    url: 'postgres://ana@127.0.0.1:5999/calm',
    tls: { mode: 'disable' },
    teamId: 'north',
    agentId: 'ana',
  },
  'test',
);
const sessions = makeSessions(3, { seed: 21, agents: ['Ana'] });
const CONSTRAINT = 'new row violates check constraint "calm_sessions_check"';

/** The sync over a store that refuses `refused` as another agent's, or its rows outright (a constraint). */
function syncOver(dir: string, refused: string, how: 'otherAgent' | 'constraint'): TeamSync {
  const store = {
    async checkReady() {},
    async upsert(items: readonly SessionToStore[]) {
      const hit = items.some((item) => item.session.id === refused);
      if (hit && how === 'constraint')
        throw Object.assign(new Error(CONSTRAINT), { code: '23514' });
      const notTaken = hit
        ? [
            {
              id: refused,
              reason: `session ${refused} is another agent's in team north (the store keeps theirs)`,
              refusal: { refusal: 'otherAgent', session: refused, team: 'north' } as const,
            },
          ]
        : [];
      return { stored: items.length - notTaken.length, notTaken };
    },
  } as unknown as TeamStore;
  const sync = createTeamSync({
    config: CONFIG,
    store,
    queue: openSyncQueue({ dataDir: dir }),
    local: {
      getMany: (ids) => sessions.filter((s) => ids.includes(s.id)),
      allIds: () => sessions.map((s) => s.id),
    },
  });
  syncs.push(sync);
  return sync;
}

describe('sessions the team store refused', () => {
  it('another agent’s session: said in French in the header, after a restart too; the English line kept', async () => {
    const dir = dirs.make();
    const theirs = sessions[1].id;
    const sync = syncOver(dir, theirs, 'otherAgent');
    expect(await sync.pushNow()).toEqual({ sent: 2, refused: 1, error: null });
    const status = sync.status();
    expect(status.error).toBe(
      `1 session was refused by the store and kept on this computer: session ${theirs} is another agent's in team north (the store keeps theirs)`,
    );
    const french = `Base d’équipe : 1 en attente — 1 session a été refusée par la base et gardée sur cet ordinateur : la session ${theirs} appartient à un autre agent de l’équipe north (la base garde la sienne).`;
    expect(describeSyncStatus(status, intlForLocale('fr'))).toBe(french);
    await sync.stop();
    // After a restart the reason comes from the queue file, as data still.
    const again = syncOver(dir, theirs, 'otherAgent');
    await again.pushNow();
    expect(again.status().error).toBe(status.error);
    expect(describeSyncStatus(again.status(), intlForLocale('fr'))).toBe(french);
  });

  it('a row the store refused: said in German with the store’s own words quoted', async () => {
    const sync = syncOver(dirs.make(), sessions[2].id, 'constraint');
    expect(await sync.pushNow()).toEqual({ sent: 2, refused: 1, error: null });
    const status = sync.status();
    expect(status.error).toMatch(/^1 session was refused by the store and kept on this computer: /);
    expect(status.refusal).toMatchObject({ refusal: 'store', detail: CONSTRAINT });
    const german = describeSyncStatus(status, intlForLocale('de'));
    expect(german).toMatch(
      /^Team-Datenbank: 1 in der Warteschlange — 1 Gespräch wurde von der Datenbank abgelehnt und auf diesem Computer behalten: Die Team-Datenbank .*calm_sessions_check/,
    );
  });
});
