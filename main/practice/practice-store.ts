/**
 * The scenarios shipped with the app (shipped-scenarios.ts, read-only: listed after the agent's own,
 * exported like them, never deleted) and the practice folder:
 * `<data>/practice/scenarios/<id>.calmscenario` (the scenario files as imported or made, each written
 * atomically, each checked by the strict decoder before it is kept) with
 * `scenarios.json` listing them, and `<data>/practice/runs/YYYY-MM/<id>.json`, one rehearsal a file.
 * Nothing here is a session: the session log, its index and the exports never read this folder, so a
 * rehearsal is never counted among real calls. With a team store, rehearsals go to its own practice table
 * (main/team/practice-row.ts), never to the sessions.
 *
 * A damaged or hand-edited `scenarios.json` is rebuilt from the files; a run file that does not pass its
 * schema is skipped when listing (and named to the log).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  SCENARIO_FILE_EXTENSION,
  SCENARIO_MAX_BYTES,
  ScenarioFileError,
  decodeScenario,
  encodeScenario,
  type Scenario,
} from '../../renderer/engine/practice/scenario-file';
import {
  practiceRunSchema,
  type PracticeRunPage,
  type PracticeRunRecord,
  type ScenarioSummary,
} from '../../preload/contract/practice-schema';
import { writeFileAtomic } from '../storage/atomic-write';
import { readShippedScenarios, type ShippedScenario } from './shipped-scenarios';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-\d{2}$/;

export interface PracticeStoreDeps {
  readonly dataDir: string;
  /** The folder of the scenarios shipped with the app (read-only); none when absent. */
  readonly shippedDir?: string;
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly log?: (message: string) => void;
}

/** A scenario refused (foreign, hostile, too large) or not found: the message says which. */
export class PracticeError extends Error {}

export interface PracticeStore {
  readonly practiceDir: string;
  /** The agent's own scenarios, newest first, then those shipped with the app (`shipped: true`). */
  listScenarios(): ScenarioSummary[];
  /** Checks the file strictly and keeps it under a new id. */
  importScenario(bytes: Uint8Array, fileName: string): ScenarioSummary;
  /** Keeps a scenario made here (from a kept recording). */
  addScenario(scenario: Scenario): ScenarioSummary;
  /** The scenario's file, null when there is none. */
  scenarioFile(id: string): { fileName: string; bytes: Uint8Array } | null;
  /** False when there is no such scenario; a shipped one is refused (PracticeError). */
  deleteScenario(id: string): boolean;
  saveRun(run: PracticeRunRecord): PracticeRunRecord;
  listRuns(query: { offset: number; limit: number; scenarioId?: string }): PracticeRunPage;
  /** The rehearsals with these ids that exist (what the team sync sends). */
  getRuns(ids: readonly string[]): PracticeRunRecord[];
  /** Every kept rehearsal's id. */
  runIds(): string[];
}

export function openPracticeStore(deps: PracticeStoreDeps): PracticeStore {
  const practiceDir = path.join(deps.dataDir, 'practice');
  const scenariosDir = path.join(practiceDir, 'scenarios');
  const runsDir = path.join(practiceDir, 'runs');
  const indexPath = path.join(practiceDir, 'scenarios.json');
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const fileOf = (id: string) => path.join(scenariosDir, `${id}${SCENARIO_FILE_EXTENSION}`);

  const summaryOf = (
    id: string,
    s: Scenario,
    addedAt: string,
    shipped = false,
    language?: string,
  ): ScenarioSummary => ({
    id,
    title: s.title,
    turns: s.turns.length,
    durationSec: s.audio.length / s.sampleRate,
    sampleRate: s.sampleRate,
    priorities: s.priorities,
    source: s.source,
    addedAt,
    shipped,
    ...(language ? { language } : {}),
  });

  let shippedScenarios: ShippedScenario[] | undefined;
  const shipped = (): ShippedScenario[] =>
    (shippedScenarios ??= readShippedScenarios(deps.shippedDir, deps.log));
  const shippedOne = (id: string) => shipped().find((s) => s.id === id);

  /** The agent's own, as kept in the index (an index written before `shipped` existed says false too). */
  const ownScenarios = (): ScenarioSummary[] => readIndex().map((s) => ({ ...s, shipped: false }));

  const readIndex = (): ScenarioSummary[] => {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(indexPath, 'utf8'));
      if (Array.isArray(parsed) && parsed.every(isSummary)) {
        const listed = parsed.filter((s) => fs.existsSync(fileOf(s.id)));
        if (listed.length === countFiles()) return listed;
      }
    } catch {
      // Missing or damaged: rebuilt from the files below.
    }
    return rebuildIndex();
  };

  const countFiles = () => scenarioIds().length;

  const scenarioIds = (): string[] => {
    try {
      return fs
        .readdirSync(scenariosDir)
        .filter((name) => name.endsWith(SCENARIO_FILE_EXTENSION))
        .map((name) => name.slice(0, -SCENARIO_FILE_EXTENSION.length))
        .filter((id) => ID.test(id));
    } catch {
      return [];
    }
  };

  const rebuildIndex = (): ScenarioSummary[] => {
    const rebuilt: ScenarioSummary[] = [];
    for (const id of scenarioIds()) {
      try {
        const file = fileOf(id);
        const scenario = decodeScenario(fs.readFileSync(file));
        rebuilt.push(summaryOf(id, scenario, fs.statSync(file).mtime.toISOString()));
      } catch (error) {
        deps.log?.(`Practice scenario ${id} could not be read: ${(error as Error).message}`);
      }
    }
    rebuilt.sort((a, b) => b.addedAt.localeCompare(a.addedAt));
    writeIndex(rebuilt);
    return rebuilt;
  };

  const writeIndex = (list: readonly ScenarioSummary[]) =>
    writeFileAtomic(indexPath, JSON.stringify(list, null, 1));

  const keep = (scenario: Scenario, bytes: Uint8Array): ScenarioSummary => {
    const id = newId();
    writeFileAtomic(fileOf(id), bytes);
    const summary = summaryOf(id, scenario, now().toISOString());
    writeIndex([summary, ...readIndex().filter((s) => s.id !== id)]);
    return summary;
  };

  const runFiles = (): string[] => {
    let months: string[];
    try {
      months = fs.readdirSync(runsDir).filter((m) => MONTH.test(m));
    } catch {
      return [];
    }
    return months.flatMap((month) => {
      try {
        return fs
          .readdirSync(path.join(runsDir, month))
          .filter((name) => ID.test(name.replace(/\.json$/, '')) && name.endsWith('.json'))
          .map((name) => path.join(runsDir, month, name));
      } catch {
        return [];
      }
    });
  };

  /** The rehearsals these files hold; a file that cannot be read or fails its check is named to the log. */
  const readRuns = (files: readonly string[]): PracticeRunRecord[] => {
    const runs: PracticeRunRecord[] = [];
    for (const file of files) {
      try {
        const parsed = practiceRunSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
        if (parsed.success) runs.push(parsed.data);
        else deps.log?.(`Practice run ${path.basename(file)} skipped: it does not pass its check.`);
      } catch {
        deps.log?.(`Practice run ${path.basename(file)} skipped: it could not be read.`);
      }
    }
    return runs;
  };

  return {
    practiceDir,
    listScenarios: () => [
      ...ownScenarios(),
      ...shipped().map((s) => summaryOf(s.id, s.scenario, s.addedAt, true, s.language)),
    ],
    importScenario(bytes, fileName) {
      if (bytes.length > SCENARIO_MAX_BYTES)
        throw new PracticeError(`${fileName}: the file is too large to be a scenario.`);
      try {
        return keep(decodeScenario(bytes), bytes);
      } catch (error) {
        if (error instanceof ScenarioFileError)
          throw new PracticeError(`${fileName}: ${error.message}`);
        throw error;
      }
    },
    addScenario(scenario) {
      return keep(scenario, encodeScenario(scenario));
    },
    scenarioFile(id) {
      if (!ID.test(id)) return null;
      const fromApp = shippedOne(id);
      if (fromApp)
        return {
          fileName: `${safeFileName(fromApp.scenario.title)}${SCENARIO_FILE_EXTENSION}`,
          bytes: fromApp.bytes(),
        };
      const summary = readIndex().find((s) => s.id === id);
      if (!summary) return null;
      return {
        fileName: `${safeFileName(summary.title)}${SCENARIO_FILE_EXTENSION}`,
        bytes: fs.readFileSync(fileOf(id)),
      };
    },
    deleteScenario(id) {
      const fromApp = shippedOne(id);
      if (fromApp)
        throw new PracticeError(
          `“${fromApp.scenario.title}” is shipped with Calm Line: it can be exported, not deleted.`,
        );
      if (!ID.test(id) || !fs.existsSync(fileOf(id))) return false;
      fs.rmSync(fileOf(id), { force: true });
      writeIndex(readIndex().filter((s) => s.id !== id));
      return true;
    },
    saveRun(run) {
      const checked = practiceRunSchema.parse(run);
      const month = checked.startedAt.slice(0, 7);
      if (!MONTH.test(month)) throw new PracticeError('The rehearsal’s start time is not valid.');
      writeFileAtomic(path.join(runsDir, month, `${checked.id}.json`), JSON.stringify(checked));
      return checked;
    },
    listRuns({ offset, limit, scenarioId }) {
      const matching = readRuns(runFiles())
        .filter((r) => scenarioId === undefined || r.scenarioId === scenarioId)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
      return { total: matching.length, runs: matching.slice(offset, offset + limit) };
    },
    getRuns(ids) {
      const wanted = new Set(ids);
      return readRuns(runFiles().filter((file) => wanted.has(path.basename(file, '.json'))));
    },
    runIds: () => runFiles().map((file) => path.basename(file, '.json')),
  };
}

function isSummary(value: unknown): value is ScenarioSummary {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.id === 'string' &&
    ID.test(s.id) &&
    typeof s.title === 'string' &&
    typeof s.turns === 'number' &&
    typeof s.durationSec === 'number' &&
    typeof s.sampleRate === 'number' &&
    Array.isArray(s.priorities) &&
    typeof s.source === 'object' &&
    typeof s.addedAt === 'string'
  );
}

/** A title as a file name on every system: letters, digits, spaces and dashes. */
export function safeFileName(title: string): string {
  const name = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return name || 'scenario';
}
