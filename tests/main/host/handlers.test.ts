/**
 * Every method of the contract has exactly one handler: each domain's handlers answer exactly their group
 * of IPC_METHOD_GROUPS, with its services and without them (that the groups name each method once is
 * tests/preload/contract/ipc-channels.test.ts), and the host's map holds a handler for every method. The
 * compiler checks the same (GroupHandlers, IpcHandlers); this is what the hosts run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  IPC_METHOD_GROUPS,
  IPC_METHOD_NAMES,
  type IpcMethodGroup,
} from '../../../preload/contract/ipc-contract';
import { createHandlers } from '../../../main/host/handlers';
import { openHostServices } from '../../../main/host/host-services';
import { createSessionHandlers } from '../../../main/sessions/session-handlers';
import { createExportHandlers } from '../../../main/export/export-handlers';
import { createRecordingHandlers } from '../../../main/recordings/recording-handlers';
import { createTeamHandlers } from '../../../main/team/team-handlers';
import { createCallEventHandlers } from '../../../main/call-events/call-event-handlers';
import { createDesktopHandlers } from '../../../main/desktop/desktop-handlers';
import { createDesktopStateService } from '../../../main/desktop/desktop-state-service';
import { createSettingsHandlers } from '../../../main/settings/settings-handlers';
import { tempDirs } from '../support/temp-dirs';
import { BROWSER_HOST_FEATURES } from '../../../main/host/host-features';

const dirs = tempDirs('host-handlers');
const toClose: (() => void)[] = [];
afterEach(() => {
  for (const close of toClose.splice(0)) close();
  dirs.cleanup();
});

function services() {
  const opened = openHostServices({
    dataDir: dirs.make(),
    host: 'browser',
    features: BROWSER_HOST_FEATURES,
    exportTargets: { choose: async () => null },
  });
  toClose.push(() => opened.sessions.close());
  return opened;
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe('each domain answers exactly its group', () => {
  const withServices = services;
  const cases: [IpcMethodGroup, string, () => object][] = [
    ['sessions', 'with a session log', () => createSessionHandlers(withServices().sessions)],
    ['sessions', 'without one', () => createSessionHandlers(undefined)],
    ['export', 'with an exporter', () => createExportHandlers(withServices().exports)],
    ['export', 'without one', () => createExportHandlers(undefined)],
    [
      'recordings',
      'with a recording store',
      () => createRecordingHandlers(withServices().sessions.recordings),
    ],
    ['recordings', 'without one', () => createRecordingHandlers(undefined)],
    ['team', 'without a team store', () => createTeamHandlers(undefined)],
    [
      'callEvents',
      'with a relay',
      () => createCallEventHandlers(withServices().callEvents, '/data'),
    ],
    ['callEvents', 'without one', () => createCallEventHandlers(undefined, '/data')],
    ['desktop', 'inert', () => createDesktopHandlers(createDesktopStateService())],
    [
      'settings',
      'over the settings service',
      () => createSettingsHandlers(withServices().settings),
    ],
  ];
  it.each(cases)('%s, %s', (group, _how, create) => {
    const handlers = create();
    expect(sorted(Object.keys(handlers))).toEqual(sorted(IPC_METHOD_GROUPS[group]));
    for (const handler of Object.values(handlers)) expect(handler).toBeTypeOf('function');
  });
});

describe("the host's handler map", () => {
  it('has a handler for every method of the contract, and no other', () => {
    const handlers = createHandlers(services());
    expect(sorted(Object.keys(handlers))).toEqual(sorted(IPC_METHOD_NAMES));
    for (const method of IPC_METHOD_NAMES) expect(handlers[method]).toBeTypeOf('function');
  });

  it('answers a session method on a host with no session log by saying so', async () => {
    const handlers = createSessionHandlers(undefined);
    for (const method of IPC_METHOD_GROUPS.sessions) {
      const result = await (handlers[method] as (payload: unknown) => unknown)(undefined);
      expect(result).toEqual({
        ok: false,
        code: 'internal',
        message: 'This host keeps no sessions.',
      });
    }
  });
});
