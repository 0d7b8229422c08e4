/**
 * The practice methods of the IPC contract over the PracticeStore. Payloads arrive validated (dispatch);
 * a refused scenario says why, a failed write says what failed, nothing throws.
 */
import { fail } from '../../preload/contract/ipc-result';
import {
  describeWriteFailure,
  guarded,
  readFailure,
  type Explain,
  type Log,
} from '../../preload/contract/handler-results';
import type { GroupHandlers } from '../../preload/contract/ipc-handlers';
import { makeScenario } from '../../renderer/engine/practice/make-scenario';
import { ScenarioFileError } from '../../renderer/engine/practice/scenario-file';
import { PracticeError, type PracticeStore } from './practice-store';

export type PracticeHandlers = GroupHandlers<'practice'>;

/** The caller's channel of a session's kept recording (the agent's is never read), null when none. */
export type ReadRecordedCaller = (
  sessionId: string,
) => { sampleRate: number; caller: Float32Array } | null;

const refusedOr =
  (otherwise: Explain): Explain =>
  (error) =>
    error instanceof PracticeError || error instanceof ScenarioFileError
      ? fail('invalid-payload', error.message)
      : otherwise(error);

const write = refusedOr(describeWriteFailure);
const read = refusedOr(readFailure);

export function createPracticeHandlers(
  store: PracticeStore | undefined,
  readRecordedCaller: ReadRecordedCaller = () => null,
  log?: Log,
): PracticeHandlers {
  if (store === undefined) {
    const refuse = () => fail('internal', 'This host keeps no practice scenarios.');
    return {
      listPracticeScenarios: refuse,
      importPracticeScenario: refuse,
      getPracticeScenario: refuse,
      makePracticeScenario: refuse,
      deletePracticeScenario: refuse,
      savePracticeRun: refuse,
      listPracticeRuns: refuse,
    };
  }
  return {
    listPracticeScenarios: () =>
      guarded('The practice scenarios could not be listed', () => store.listScenarios(), read, log),
    importPracticeScenario: ({ fileName, dataBase64 }) =>
      guarded(
        'The scenario was not imported',
        () => store.importScenario(Buffer.from(dataBase64, 'base64'), fileName),
        write,
        log,
      ),
    getPracticeScenario: ({ id }) =>
      guarded(
        'The scenario could not be read',
        () => {
          const file = store.scenarioFile(id);
          return file
            ? { fileName: file.fileName, dataBase64: Buffer.from(file.bytes).toString('base64') }
            : null;
        },
        read,
        log,
      ),
    makePracticeScenario: ({ sessionId, title, priorities }) =>
      guarded(
        'The scenario was not made',
        () => {
          const recorded = readRecordedCaller(sessionId);
          if (!recorded)
            throw new PracticeError('This call has no kept recording to rehearse with.');
          return store.addScenario(
            makeScenario(recorded.caller, recorded.sampleRate, {
              title,
              priorities,
              source: { kind: 'recording', credit: '' },
            }),
          );
        },
        write,
        log,
      ),
    deletePracticeScenario: ({ id }) =>
      guarded(
        'The scenario was not deleted',
        () => ({ deleted: store.deleteScenario(id) }),
        write,
        log,
      ),
    savePracticeRun: ({ run }) =>
      guarded('The rehearsal was not kept', () => store.saveRun(run), write, log),
    listPracticeRuns: (query) =>
      guarded('The practice history could not be read', () => store.listRuns(query), read, log),
  };
}
