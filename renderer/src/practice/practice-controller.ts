/**
 * The Practice screen's state machine, without React: the scenarios (listed, imported, exported, deleted),
 * a rehearsal (its audio opened, the live coach's banner and the caller's turn as it goes), the priorities
 * pad, the short wrap-up, the score (practice-score.ts, from the engine's analysis of the rehearsal) and
 * the history kept by the host as practice. `usePractice` renders it; tests drive it with a scripted
 * audio and a fake host.
 */
import type { CalmLineApi } from '../../../preload/contract/ipc-contract';
import {
  PRACTICE_PAGE_MAX,
  type PracticeRunRecord,
  type ScenarioSummary,
} from '../../../preload/contract/practice-schema';
import type { Settings } from '../../../preload/contract/settings-schema';
import type { CallAnalysis, LiveSnapshot } from '../../engine/call-types';
import { DEFAULT_CUE_SETTINGS } from '../../engine/cue-settings';
import { problemOf, type CallAudioProblem } from '../../engine/call-audio/call-audio-problem';
import type { PlayedTurn, PracticePhase } from '../../engine/practice/practice-run';
import { scorePractice, type PracticeScore } from '../../engine/practice/practice-score';
import {
  SCENARIO_FILE_EXTENSION,
  decodeScenario,
  type Scenario,
} from '../../engine/practice/scenario-file';
import { createTypedEmitter } from '../api/typed-emitter';
import type { BannerState } from '../live-coach/cue-copy';
import { agentDeviceKey } from '../live-coach/device-key';
import type { Priority } from '../live-coach/finished-call';
import type { PracticeAudioConfig, PracticeRehearsalAudio } from './audio/practice-audio';
import { base64ToBytes, bytesToBase64 } from './practice-bytes';

export type PracticeStep = 'pick' | 'opening' | 'rehearsing' | 'wrap-up' | 'score';

/** What went wrong, by kind (the view words it) with the host's or the browser's reason. */
export interface PracticeProblem {
  readonly kind: 'load' | 'import' | 'open' | 'audio' | 'save' | 'delete';
  readonly reason: string;
  /** A call file's problem (code and values), worded by the view in the agent's language; `file` names it. */
  readonly audioProblem?: CallAudioProblem;
  readonly file?: string;
}

export interface PracticeLive {
  readonly phase: PracticePhase;
  /** The caller's turn playing or last played (0-based), -1 before the first. */
  readonly turn: number;
  readonly turns: number;
  readonly banner: BannerState;
}

export interface PracticeState {
  readonly step: PracticeStep;
  readonly scenarios: readonly ScenarioSummary[];
  readonly selectedId: string | null;
  readonly live: PracticeLive | null;
  readonly priorities: readonly Priority[];
  readonly note: string;
  readonly score: PracticeScore | null;
  readonly history: readonly PracticeRunRecord[];
  readonly historyTotal: number;
  readonly problem: PracticeProblem | null;
}

export type PracticeApi = Pick<
  CalmLineApi,
  | 'listPracticeScenarios'
  | 'importPracticeScenario'
  | 'getPracticeScenario'
  | 'deletePracticeScenario'
  | 'savePracticeRun'
  | 'listPracticeRuns'
>;

export interface PracticeControllerDeps {
  readonly api: PracticeApi;
  readonly openAudio: (
    config: PracticeAudioConfig,
    onState: (snapshot: LiveSnapshot, phase: PracticePhase, turn: number) => void,
  ) => Promise<PracticeRehearsalAudio>;
  readonly settings: () => Settings | null;
  readonly now?: () => Date;
  readonly newId: () => string;
  /** A recorded call file → scenario file bytes (scenario-from-call-file.ts in the app). */
  readonly makeScenario: (fileName: string, bytes: Uint8Array) => Promise<Uint8Array>;
}

export interface PracticeController {
  getState(): PracticeState;
  subscribe(listener: () => void): () => void;
  load(): Promise<void>;
  select(id: string | null): void;
  importFile(fileName: string, bytes: Uint8Array): Promise<boolean>;
  /** A scenario from a recorded call file (its caller channel only), kept like an imported one. */
  makeFromCallFile(fileName: string, bytes: Uint8Array): Promise<boolean>;
  /** The selected scenario's file, to save for the team; null when it could not be read. */
  exportFile(id: string): Promise<{ fileName: string; bytes: Uint8Array } | null>;
  deleteScenario(id: string): Promise<void>;
  /** The whole practice history as a JSON file (every run, newest first); null when it could not be read. */
  historyFile(): Promise<{ fileName: string; bytes: Uint8Array } | null>;
  start(): Promise<void>;
  /** Ends the rehearsal before the last turn (the turns so far are scored). */
  stop(): void;
  setPriorities(priorities: readonly Priority[]): void;
  setNote(note: string): void;
  /** Closes the wrap-up: scores the rehearsal and keeps it in the history. */
  finishWrapUp(): Promise<void>;
  /** Back to the scenarios. */
  back(): void;
}

export const PRACTICE_HISTORY_PAGE = 20;

export function createPracticeController(deps: PracticeControllerDeps): PracticeController {
  const now = deps.now ?? (() => new Date());
  const changed = createTypedEmitter<{ change: void }>();
  let state: PracticeState = {
    step: 'pick',
    scenarios: [],
    selectedId: null,
    live: null,
    priorities: [],
    note: '',
    score: null,
    history: [],
    historyTotal: 0,
    problem: null,
  };
  let audio: PracticeRehearsalAudio | null = null;
  let rehearsal: {
    scenario: Scenario;
    summary: ScenarioSummary;
    startedAt: Date;
    endedAt: Date | null;
    result: { analysis: CallAnalysis; played: PlayedTurn[] } | null;
  } | null = null;

  const set = (patch: Partial<PracticeState>) => {
    state = { ...state, ...patch };
    changed.emit('change');
  };

  const loadHistory = async () => {
    const runs = await deps.api.listPracticeRuns({ offset: 0, limit: PRACTICE_HISTORY_PAGE });
    if (runs.ok) set({ history: runs.value.runs, historyTotal: runs.value.total });
    else set({ problem: { kind: 'load', reason: runs.message } });
  };

  const loadScenarios = async () => {
    const list = await deps.api.listPracticeScenarios();
    if (!list.ok) {
      set({ problem: { kind: 'load', reason: list.message } });
      return;
    }
    const selectedId =
      state.selectedId && list.value.some((s) => s.id === state.selectedId)
        ? state.selectedId
        : (list.value[0]?.id ?? null);
    set({ scenarios: list.value, selectedId });
  };

  const onState = (snapshot: LiveSnapshot, phase: PracticePhase, turn: number) => {
    if (!rehearsal || state.step !== 'rehearsing') return;
    set({
      live: {
        phase,
        turn,
        turns: rehearsal.scenario.turns.length,
        banner: snapshot.primaryCue ?? 'listening',
      },
    });
  };

  async function importFile(fileName: string, bytes: Uint8Array): Promise<boolean> {
    const result = await deps.api.importPracticeScenario({
      fileName,
      dataBase64: bytesToBase64(bytes),
    });
    if (!result.ok) {
      set({ problem: { kind: 'import', reason: result.message } });
      return false;
    }
    set({ problem: null, selectedId: result.value.id });
    await loadScenarios();
    return true;
  }

  return {
    getState: () => state,
    subscribe: (listener) => changed.on('change', listener),
    async load() {
      await Promise.all([loadScenarios(), loadHistory()]);
    },
    select(id) {
      if (state.step === 'pick') set({ selectedId: id });
    },
    importFile,
    async makeFromCallFile(fileName, bytes) {
      let scenario: Uint8Array;
      try {
        scenario = await deps.makeScenario(fileName, bytes);
      } catch (error) {
        set({
          problem: {
            kind: 'import',
            reason: `${fileName}: ${reasonOf(error)}`,
            ...audioProblemOf(error, fileName),
          },
        });
        return false;
      }
      return importFile(`${fileName}${SCENARIO_FILE_EXTENSION}`, scenario);
    },
    async exportFile(id) {
      const result = await deps.api.getPracticeScenario({ id });
      if (!result.ok || result.value === null) {
        set({ problem: { kind: 'open', reason: result.ok ? '' : result.message } });
        return null;
      }
      return { fileName: result.value.fileName, bytes: base64ToBytes(result.value.dataBase64) };
    },
    async historyFile() {
      const runs: PracticeRunRecord[] = [];
      for (;;) {
        const page = await deps.api.listPracticeRuns({
          offset: runs.length,
          limit: PRACTICE_PAGE_MAX,
        });
        if (!page.ok) {
          set({ problem: { kind: 'load', reason: page.message } });
          return null;
        }
        runs.push(...page.value.runs);
        if (page.value.runs.length === 0 || runs.length >= page.value.total) break;
      }
      const day = now().toISOString().slice(0, 10);
      const json = JSON.stringify(
        { kind: 'calm-line-practice-history', exportedAt: now().toISOString(), runs },
        null,
        1,
      );
      return { fileName: `practice-${day}.json`, bytes: new TextEncoder().encode(json) };
    },
    async deleteScenario(id) {
      const result = await deps.api.deletePracticeScenario({ id });
      if (!result.ok) set({ problem: { kind: 'delete', reason: result.message } });
      await loadScenarios();
    },
    async start() {
      const summary = state.scenarios.find((s) => s.id === state.selectedId);
      const settings = deps.settings();
      if (!summary || !settings || state.step !== 'pick') return;
      set({ step: 'opening', problem: null, priorities: [], note: '', score: null, live: null });
      try {
        const file = await deps.api.getPracticeScenario({ id: summary.id });
        if (!file.ok || file.value === null)
          throw new Error(file.ok ? 'the scenario is gone' : file.message);
        const scenario = decodeScenario(base64ToBytes(file.value.dataBase64));
        rehearsal = { scenario, summary, startedAt: now(), endedAt: null, result: null };
        const agentNormalLufs = settings.agentNormalLufs[agentDeviceKey(settings.audio)] ?? null;
        audio = await deps.openAudio(
          {
            audio: settings.audio,
            settings: { ...DEFAULT_CUE_SETTINGS, ...settings.cue },
            agentNormalLufs,
            scenario: {
              sampleRate: scenario.sampleRate,
              audio: scenario.audio,
              turns: scenario.turns,
            },
          },
          onState,
        );
      } catch (error) {
        rehearsal = null;
        set({
          step: 'pick',
          problem: { kind: 'audio', reason: reasonOf(error), ...audioProblemOf(error) },
        });
        return;
      }
      set({
        step: 'rehearsing',
        live: {
          phase: 'lead-in',
          turn: -1,
          turns: rehearsal.scenario.turns.length,
          banner: 'listening',
        },
      });
      const current = rehearsal;
      const result = await audio.finished;
      audio = null;
      if (rehearsal !== current) return;
      current.result = result;
      current.endedAt = now();
      set({ step: 'wrap-up', live: null });
    },
    stop() {
      audio?.stop();
    },
    setPriorities(priorities) {
      set({ priorities });
    },
    setNote(note) {
      set({ note });
    },
    async finishWrapUp() {
      const r = rehearsal;
      const settings = deps.settings();
      if (!r?.result || state.step !== 'wrap-up') return;
      const score = scorePractice({
        played: r.result.played,
        analysis: r.result.analysis,
        priorities: state.priorities,
        expectedPriorities: r.scenario.priorities.length,
        settings: settings?.cue,
      });
      const run: PracticeRunRecord = {
        id: deps.newId(),
        kind: 'practice',
        scenarioId: r.summary.id,
        scenarioTitle: r.summary.title,
        agent: settings?.profile.agentName ?? '',
        startedAt: r.startedAt.toISOString(),
        endedAt: (r.endedAt ?? now()).toISOString(),
        score: roundScore(score),
        note: state.note,
      };
      const saved = await deps.api.savePracticeRun({ run });
      set({
        step: 'score',
        score,
        problem: saved.ok ? null : { kind: 'save', reason: saved.message },
      });
      await loadHistory();
    },
    back() {
      if (state.step === 'rehearsing' || state.step === 'opening') return;
      rehearsal = null;
      set({ step: 'pick', score: null, live: null, priorities: [], note: '' });
    },
  };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The engine's problem with a call file, kept as data for the view to word (none for other errors). */
function audioProblemOf(
  error: unknown,
  file?: string,
): Pick<PracticeProblem, 'audioProblem' | 'file'> {
  const audioProblem = problemOf(error);
  if (!audioProblem) return {};
  return file === undefined ? { audioProblem } : { audioProblem, file };
}

/** The score as stored: times to 1 ms and levels to 0.01, as the session log keeps its figures. */
function roundScore(score: PracticeScore): PracticeScore {
  const r = (x: number | null, step: number) => (x === null ? null : Math.round(x / step) * step);
  const ms = (x: number) => Math.round(x * 1000) / 1000;
  return {
    turns: score.turns.map((t) => ({
      ...t,
      callerStart: ms(t.callerStart),
      callerEnd: ms(t.callerEnd),
      reply: t.reply ? { start: ms(t.reply.start), end: ms(t.reply.end) } : null,
      waitSec: r(t.waitSec, 0.001),
      replyLufs: r(t.replyLufs, 0.01),
      callerLufs: r(t.callerLufs, 0.01),
      overNormalLu: r(t.overNormalLu, 0.01),
      overCallerLu: r(t.overCallerLu, 0.01),
      talkedOver: { ...t.talkedOver, sec: ms(t.talkedOver.sec) },
    })),
    overall: {
      ...score.overall,
      medianWaitSec: r(score.overall.medianWaitSec, 0.001),
      timeToCalmSec: r(score.overall.timeToCalmSec, 0.001),
      agentNormalLufs: r(score.overall.agentNormalLufs, 0.01),
    },
  };
}
