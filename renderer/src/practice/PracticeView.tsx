import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Settings } from '../../../preload/contract/settings-schema';
import { CueTile } from '../live-coach/CueTile';
import { PrioritiesPad } from '../live-coach/PrioritiesPad';
import { PracticeHistory } from './PracticeHistory';
import { PracticeScoreView } from './PracticeScoreView';
import { ScenarioList } from './ScenarioList';
import { FilePickButton } from './FilePickButton';
import { usePractice } from './use-practice';
import { saveFile } from './save-file';
import type { PracticeStep } from './practice-controller';
import { PHASE_MESSAGES, PROBLEM_MESSAGES, problemReason } from './practice-words';

/** Where the focus goes when a step opens. */
const STEP_FOCUS: Readonly<Partial<Record<PracticeStep, string>>> = {
  pick: '[data-testid="practice-start"]',
  rehearsing: '.priorities-pad input',
  'wrap-up': '[data-testid="practice-note"]',
  score: '#practice-score-title',
};

/**
 * Practice before the real call: pick a scenario, rehearse it with the live coach (the caller's turns in
 * the headset, each waiting for your reply), restate the priorities, a short wrap-up, then the score and
 * the history. Keyboard first: every step is a button or a field in reading order; the cue tile is the
 * live coach's own. Fits a window docked at 420 px (one column).
 */
export function PracticeView({ settings }: { settings: Settings | null }) {
  const intl = useIntl();
  const { state, controller } = usePractice(settings);
  const screen = useRef<HTMLElement>(null);

  // Keyboard first: a step that opens puts the focus where the agent goes on (the button that opened it
  // is gone); opening the screen leaves it on the tab.
  const stepShown = useRef(state.step);
  useEffect(() => {
    if (stepShown.current === state.step) return;
    stepShown.current = state.step;
    const target = STEP_FOCUS[state.step];
    if (target) screen.current?.querySelector<HTMLElement>(target)?.focus();
  }, [state.step]);

  async function exportScenario(id: string) {
    const file = await controller.exportFile(id);
    if (file) saveFile(file, 'application/octet-stream');
  }

  async function exportHistory() {
    const file = await controller.historyFile();
    if (file) saveFile(file, 'application/json');
  }

  const live = state.live;
  return (
    <main
      ref={screen}
      className="practice"
      data-testid="practice"
      data-step={state.step}
      aria-labelledby="practice-title"
    >
      <h2 id="practice-title">
        <FormattedMessage id="practice.title" />
      </h2>
      {state.problem && (
        <div className="notice" role="alert" data-testid="practice-problem">
          <FormattedMessage
            id={PROBLEM_MESSAGES[state.problem.kind]}
            values={{ reason: problemReason(state.problem, intl) }}
          />
        </div>
      )}

      {state.step === 'pick' && (
        <>
          <p className="muted">
            <FormattedMessage id="practice.intro" />
          </p>
          <ScenarioList
            scenarios={state.scenarios}
            selectedId={state.selectedId}
            onSelect={(id) => controller.select(id)}
            onExport={(id) => void exportScenario(id)}
            onDelete={(id) => void controller.deleteScenario(id)}
          />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={!state.selectedId || !settings}
              onClick={() => void controller.start()}
              data-testid="practice-start"
            >
              <FormattedMessage id="practice.start" />
            </button>
            <FilePickButton
              labelId="practice.import"
              fileLabelId="practice.import.file"
              accept=".calmscenario"
              onFile={(name, bytes) => controller.importFile(name, bytes)}
              testId="practice-import"
              fileTestId="practice-file"
            />
            <FilePickButton
              labelId="practice.make"
              fileLabelId="practice.make.file"
              accept=".wav,.mp3,.opus,.ogg,.flac,audio/*"
              onFile={(name, bytes) => controller.makeFromCallFile(name, bytes)}
              testId="practice-make"
              fileTestId="practice-call-file"
            />
          </div>
          <PracticeHistory
            runs={state.history}
            total={state.historyTotal}
            onExport={() => void exportHistory()}
          />
        </>
      )}

      {state.step === 'opening' && (
        <p role="status">
          <FormattedMessage id="practice.opening" />
        </p>
      )}

      {state.step === 'rehearsing' && live && (
        <>
          <CueTile state={live.phase === 'lead-in' ? 'listening' : live.banner} />
          <p
            role="status"
            data-testid="practice-phase"
            data-phase={live.phase}
            data-turn={live.turn}
          >
            {live.turn >= 0 && (
              <>
                <FormattedMessage
                  id="practice.live.turn"
                  values={{ turn: live.turn + 1, turns: live.turns }}
                />{' '}
              </>
            )}
            <FormattedMessage id={PHASE_MESSAGES[live.phase]} />
          </p>
          <PrioritiesPad
            priorities={[...state.priorities]}
            onChange={(next) => controller.setPriorities(next)}
          />
          <div className="actions">
            <button type="button" onClick={() => controller.stop()} data-testid="practice-stop">
              <FormattedMessage id="practice.stop" />
            </button>
          </div>
        </>
      )}

      {state.step === 'wrap-up' && (
        <section aria-labelledby="practice-wrap-up-title">
          <h3 id="practice-wrap-up-title">
            <FormattedMessage id="practice.wrap-up.title" />
          </h3>
          <PrioritiesPad
            priorities={[...state.priorities]}
            onChange={(next) => controller.setPriorities(next)}
          />
          <label className="field">
            <FormattedMessage id="practice.wrap-up.note" />
            <textarea
              value={state.note}
              maxLength={2000}
              rows={3}
              onChange={(e) => controller.setNote(e.target.value)}
              data-testid="practice-note"
            />
          </label>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => void controller.finishWrapUp()}
              data-testid="practice-finish"
            >
              <FormattedMessage id="practice.wrap-up.done" />
            </button>
          </div>
        </section>
      )}

      {state.step === 'score' && state.score && (
        <>
          <PracticeScoreView score={state.score} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => controller.back()}
              data-testid="practice-back"
            >
              <FormattedMessage id="practice.again" />
            </button>
          </div>
          <PracticeHistory
            runs={state.history}
            total={state.historyTotal}
            onExport={() => void exportHistory()}
          />
        </>
      )}
    </main>
  );
}
