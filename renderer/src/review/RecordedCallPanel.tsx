import { useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
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
import { describeRecordedCallError } from './recorded-call-error';
import { describeCallAudioProblem } from './call-audio-problem-text';
import { describeRecordingWarning } from './recording-warnings';
import { describeWavRepair } from './wav-repair-text';
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
  const intl = useIntl();
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
      aria-label={intl.formatMessage({ id: 'review.recorded.label' })}
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
          <FormattedMessage id="review.recorded.open" />
        </label>
        <label className="inline-field">
          <FormattedMessage id="review.recorded.agent-side" />
          <select
            value={agentChannel}
            onChange={(e) => setAgentChannel(e.target.value as AgentChannel)}
            data-testid="recorded-agent-channel"
          >
            <option value="left">{intl.formatMessage({ id: 'review.recorded.left' })}</option>
            <option value="right">{intl.formatMessage({ id: 'review.recorded.right' })}</option>
          </select>
        </label>
      </div>
      <p className="muted small">
        <FormattedMessage id="review.recorded.help" />
      </p>

      {state.phase === 'analysing' && (
        <div className="analysis-progress" data-testid="recorded-progress">
          <span>
            <FormattedMessage id="review.recorded.analysing" values={{ name: state.name }} />
          </span>
          <progress
            max={1}
            value={state.fraction}
            aria-label={intl.formatMessage({ id: 'review.recorded.progress' })}
          />
          <span className="pct">
            {intl.formatNumber(state.fraction, { style: 'percent', maximumFractionDigits: 0 })}
          </span>
          <button type="button" onClick={cancel} data-testid="recorded-cancel">
            <FormattedMessage id="review.recorded.cancel" />
          </button>
        </div>
      )}
      {state.phase === 'cancelled' && (
        <p className="notice info" role="status" data-testid="recorded-cancelled">
          <FormattedMessage id="review.recorded.cancelled" values={{ name: state.name }} />
        </p>
      )}
      {state.phase === 'error' && (
        <p className="notice" role="alert" data-testid="recorded-error">
          <FormattedMessage
            id="review.recorded.error"
            values={{
              name: state.name,
              error: describeRecordedCallError(state, intl),
            }}
          />
        </p>
      )}
      {done && review && record && (
        <div data-testid="recorded-result">
          <h3 className="recorded-title">
            {done.name}
            {done.report.note ? <small className="muted"> — {done.report.note}</small> : null}
          </h3>
          {done.cutShort && (
            <p className="notice info" role="note" data-testid="recorded-cut-short">
              <FormattedMessage
                id="review.recorded.cut-short"
                values={{ problem: describeCallAudioProblem(done.cutShort, intl) }}
              />
            </p>
          )}
          {done.repairs?.map((r) => (
            <p key={r.repair} className="notice info" role="note" data-testid="recorded-repair">
              {describeWavRepair(r, intl)}
            </p>
          ))}
          {done.report.warnings?.map((w) => (
            <p
              key={`${w.kind}-${w.from}-${w.into}`}
              className="notice info"
              role="note"
              data-testid="recorded-warning"
            >
              {describeRecordingWarning(w, intl)}
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
              <FormattedMessage id="review.recorded.save" />
            </button>
            <button type="button" onClick={close}>
              <FormattedMessage id="review.recorded.close" />
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
