import { useId, useMemo, useState } from 'react';
import type { AgentChannel } from '../../engine/call-analysis-report';
import type { CallTimeline } from '../../engine/call-types';
import type { Settings } from '../api/host-api';
import { CallMetricsSummary } from '../wrap-up/CallMetricsSummary';
import type { CallForWrapUp } from '../wrap-up/wrap-up-draft';
import { CallReview } from './CallReview';
import {
  callForWrapUpOfReport,
  reviewInputOfReport,
  timelineOfReport,
} from './recorded-call-session';
import { describeRecordingWarning } from './recording-warnings';
import { useRecordedCall } from './use-recorded-call';

interface Props {
  settings: Settings | null;
  /** "Save as a session…": opens a wrap-up for the recording. */
  onSaveAsSession(call: CallForWrapUp, timeline: CallTimeline | null): void;
}

/**
 * "Open a recorded call…": choose a stereo recording (WAV, MP3, Ogg Opus, FLAC), the engine analyses it in a worker (progress, cancel), the
 * review shows it and can play it. Nothing is saved unless the agent asks.
 */
export function RecordedCallPanel({ settings, onSaveAsSession }: Props) {
  const { state, open, cancel, close } = useRecordedCall();
  const [agentChannel, setAgentChannel] = useState<AgentChannel>(
    settings?.audio.agentSide ?? 'left',
  );
  const inputId = useId();
  const done = state.phase === 'done' ? state : null;
  const review = useMemo(
    () => (done ? reviewInputOfReport(done.report, done.audioUrl) : null),
    [done],
  );
  const record = useMemo(
    () => (done ? callForWrapUpOfReport(done.report, new Date()).call : null),
    [done],
  );

  return (
    <section
      className="panel recorded-call"
      aria-label="Open a recorded call"
      data-testid="recorded-call"
    >
      <div className="recorded-head">
        <input
          id={inputId}
          className="recorded-file-input"
          type="file"
          accept=".wav,.mp3,.ogg,.opus,.oga,.flac,audio/wav,audio/x-wav,audio/wave,audio/mpeg,audio/ogg,audio/opus,audio/flac"
          data-testid="open-recorded-call"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) open(file, agentChannel, settings?.cue);
          }}
        />
        <label htmlFor={inputId} className="recorded-file-button">
          Open a recorded call…
        </label>
        <label className="inline-field">
          Your voice is on the
          <select
            value={agentChannel}
            onChange={(e) => setAgentChannel(e.target.value as AgentChannel)}
            data-testid="recorded-agent-channel"
          >
            <option value="left">left channel</option>
            <option value="right">right channel</option>
          </select>
        </label>
      </div>
      <p className="muted small">
        A stereo recording with you on one channel and the caller on the other — WAV (PCM, µ-law,
        A-law, GSM 6.10), MP3, Ogg Opus or FLAC. It is analysed on this computer and not saved
        unless you ask.
      </p>

      {state.phase === 'analysing' && (
        <div className="analysis-progress" data-testid="recorded-progress">
          <span>Analysing {state.name}…</span>
          <progress max={1} value={state.fraction} aria-label="Analysis progress" />
          <span className="pct">{Math.round(state.fraction * 100)}%</span>
          <button type="button" onClick={cancel} data-testid="recorded-cancel">
            Cancel
          </button>
        </div>
      )}
      {state.phase === 'cancelled' && (
        <p className="notice info" role="status" data-testid="recorded-cancelled">
          Analysis of {state.name} cancelled.
        </p>
      )}
      {state.phase === 'error' && (
        <p className="notice" role="alert" data-testid="recorded-error">
          {state.name}: {state.message}
        </p>
      )}
      {done && review && record && (
        <div data-testid="recorded-result">
          <h3 className="recorded-title">
            {done.name}
            {done.report.note ? <small className="muted"> — {done.report.note}</small> : null}
          </h3>
          {done.report.warnings?.map((w) => (
            <p
              key={`${w.kind}-${w.from}-${w.into}`}
              className="notice info"
              role="note"
              data-testid="recorded-warning"
            >
              {describeRecordingWarning(w)}
            </p>
          ))}
          <CallReview input={review} testId="recorded-review" />
          <CallMetricsSummary call={record} priorities={[]} compact />
          <div className="actions">
            <button
              type="button"
              className="primary"
              data-testid="recorded-save-session"
              onClick={() =>
                onSaveAsSession(
                  callForWrapUpOfReport(done.report, new Date()),
                  timelineOfReport(done.report),
                )
              }
            >
              Save as a session…
            </button>
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
