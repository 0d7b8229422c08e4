/**
 * The scenarios shipped with the app, through the real dispatch: listed after the agent's own and marked
 * `shipped`, handed out byte for byte for a rehearsal or an export, never deleted; the same ids on every
 * data folder; a damaged file in the shipped folder left out and named to the log; packaged beside the
 * app's resources, where the Electron main reads them.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { createPracticeHandlers } from '../../../main/practice/practice-handlers';
import { openPracticeStore } from '../../../main/practice/practice-store';
import {
  SHIPPED_SCENARIOS_FOLDER,
  shippedScenarioId,
} from '../../../main/practice/shipped-scenarios';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import type { ScenarioSummary } from '../../../preload/contract/practice-schema';
import {
  SCENARIO_FILE_EXTENSION,
  decodeScenario,
  encodeScenario,
} from '../../../renderer/engine/practice/scenario-file';
import { bytesToBase64 } from '../../../renderer/src/recording/pcm16-base64';
import { PROJECT_ROOT } from '../../support/test-audio';
import { tempDirs } from '../support/temp-dirs';
import { valueOf as value } from '../../support/ipc-results';

const SHIPPED = path.join(PROJECT_ROOT, 'assets/scenarios');
const FILES = fs
  .readdirSync(SHIPPED)
  .filter((f) => f.endsWith(SCENARIO_FILE_EXTENSION))
  .sort();
const dirs = tempDirs('shipped-scenarios');
afterEach(() => dirs.cleanup());

function open(shippedDir = SHIPPED, log?: (message: string) => void) {
  const store = openPracticeStore({ dataDir: dirs.make(), shippedDir, log });
  return { store, handlers: createPracticeHandlers(store) as unknown as IpcHandlers };
}

const list = async (h: IpcHandlers) =>
  value(await dispatch(h, 'listPracticeScenarios', undefined)) as ScenarioSummary[];

describe('the scenarios shipped with the app', () => {
  it('are listed on a new data folder, marked shipped, with their voice’s credit', async () => {
    const { handlers } = open();
    const listed = await list(handlers);
    expect(listed.map((s) => s.id)).toEqual(FILES.map(shippedScenarioId));
    for (const [i, s] of listed.entries()) {
      const file = decodeScenario(fs.readFileSync(path.join(SHIPPED, FILES[i])));
      expect(s).toMatchObject({
        shipped: true,
        title: file.title,
        turns: file.turns.length,
        source: { kind: 'shipped', credit: expect.stringContaining('CC BY-SA 3.0') as unknown },
      });
    }
    // Each names its caller's language (the file name's last part), which the list orders by.
    expect(listed.map((s) => s.language)).toEqual(['en', 'fr']);
  });

  it('come after the agent’s own scenarios, which stay deletable', async () => {
    const { handlers } = open();
    const shipped = await list(handlers);
    const mine = decodeScenario(fs.readFileSync(path.join(SHIPPED, FILES[0])));
    const imported = value(
      await dispatch(handlers, 'importPracticeScenario', {
        fileName: 'mine.calmscenario',
        dataBase64: bytesToBase64(encodeScenario({ ...mine, title: 'My own copy' })),
      }),
    ) as ScenarioSummary;
    expect(imported.shipped).toBe(false);
    const listed = await list(handlers);
    expect(listed.map((s) => [s.title, s.shipped])).toEqual([
      ['My own copy', false],
      ...shipped.map((s) => [s.title, true]),
    ]);
    expect(value(await dispatch(handlers, 'deletePracticeScenario', { id: imported.id }))).toEqual({
      deleted: true,
    });
    expect(await list(handlers)).toEqual(shipped);
  });

  it('are handed out byte for byte, to rehearse or export', async () => {
    const { handlers } = open();
    for (const [i, s] of (await list(handlers)).entries()) {
      const file = value(await dispatch(handlers, 'getPracticeScenario', { id: s.id })) as {
        fileName: string;
        dataBase64: string;
      };
      expect(file.fileName.endsWith(SCENARIO_FILE_EXTENSION)).toBe(true);
      expect(
        Buffer.from(file.dataBase64, 'base64').equals(
          fs.readFileSync(path.join(SHIPPED, FILES[i])),
        ),
      ).toBe(true);
    }
  });

  it('refuse to be deleted, saying why, and stay listed', async () => {
    const { handlers } = open();
    const [first] = await list(handlers);
    const result = await dispatch(handlers, 'deletePracticeScenario', { id: first.id });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid-payload',
      message: expect.stringContaining('shipped with Calm Line') as unknown,
    });
    expect((await list(handlers)).map((s) => s.id)).toContain(first.id);
    expect(fs.existsSync(path.join(SHIPPED, FILES[0]))).toBe(true);
  });

  it('leave out a damaged file, naming it to the log, and list the rest', async () => {
    const dir = dirs.make();
    fs.copyFileSync(path.join(SHIPPED, FILES[0]), path.join(dir, FILES[0]));
    const bytes = fs.readFileSync(path.join(SHIPPED, FILES[1]));
    fs.writeFileSync(path.join(dir, FILES[1]), bytes.subarray(0, bytes.length - 10));
    const logged: string[] = [];
    const { handlers } = open(dir, (m) => logged.push(m));
    expect((await list(handlers)).map((s) => s.id)).toEqual([shippedScenarioId(FILES[0])]);
    expect(logged).toEqual([expect.stringContaining(FILES[1])]);
  });

  it('reach a packaged app: electron-builder copies them to the resources folder main reads', async () => {
    const { getConfig } = createRequire(import.meta.url)(
      'app-builder-lib/out/util/config/config',
    ) as {
      getConfig(dir: string, file: string, options: null): Promise<{ extraResources?: unknown }>;
    };
    const config = await getConfig(PROJECT_ROOT, 'electron-builder.yml', null);
    expect(config.extraResources).toContainEqual({
      from: 'assets/scenarios',
      to: SHIPPED_SCENARIOS_FOLDER,
    });
  });

  it('are none, and nothing breaks, when the host ships no folder', async () => {
    const { handlers } = open(path.join(dirs.make(), 'missing'));
    expect(await list(handlers)).toEqual([]);
  });
});
