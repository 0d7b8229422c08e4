import { useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ESCALATION_VALUES, RESOLUTION_VALUES } from '../../../preload/contract/session-schema';
import {
  FOLLOW_UP_FILTER_VALUES,
  type FollowUpFilter,
} from '../../../preload/domain/follow-up-status';
import { EXPORT_FORMATS, type ExportFormat } from '../../../preload/contract/session-export-schema';
import type { HostKind } from '../api/host-api';
import type { MessageKey } from '../i18n/catalogue';
import { ESCALATION_MESSAGES, RESOLUTION_MESSAGES } from '../wrap-up/wrap-up-steps';
import { useExport } from './use-export';
import { exportFailureText } from './export-failure-text';
import { describeHostFailure } from '../api/host-failure-text';
import { EMPTY_EXPORT_FIELDS, exportFilterOf, type ExportFilterFields } from './export-filter';
import './export.css';

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly host: HostKind | undefined;
}

const FORMAT_MESSAGES: Readonly<Record<ExportFormat, MessageKey>> = {
  csv: 'export.format.csv',
  json: 'export.format.json',
  xlsx: 'export.format.xlsx',
};

const FOLLOW_UP_MESSAGES: Readonly<Record<FollowUpFilter, MessageKey>> = {
  due: 'export.follow-up.due',
  overdue: 'export.follow-up.overdue',
  open: 'export.follow-up.open',
  done: 'export.follow-up.done',
};

/**
 * The export dialog: filters, the count of matching sessions, format, progress with cancel. Its words
 * and counts follow the app's language (plural forms and digits from Intl); the file itself does not —
 * its column names and values are the same in every language (main/export).
 */
export function ExportDialog({ open, onClose, host }: Props) {
  const intl = useIntl();
  const ref = useRef<HTMLDialogElement>(null);
  const [fields, setFields] = useState<ExportFilterFields>(EMPTY_EXPORT_FIELDS);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const filter = useMemo(() => exportFilterOf(fields), [fields]);
  const exp = useExport(filter);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const set = (key: keyof ExportFilterFields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));
  const progress = exp.job?.progress;
  const state = progress?.state;
  const matching = exp.count.status === 'ready' ? exp.count.count : null;

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby="export-title"
      onClose={onClose}
      data-testid="export-dialog"
    >
      <h2 id="export-title">
        <FormattedMessage id="export.title" />
      </h2>
      <form method="dialog" onSubmit={(e) => e.preventDefault()}>
        <fieldset disabled={exp.running}>
          <legend>
            <FormattedMessage id="export.which" />
          </legend>
          <label className="form-grid">
            <span>
              <FormattedMessage id="export.from" />
            </span>
            <input
              type="date"
              value={fields.from}
              onChange={set('from')}
              data-testid="export-from"
            />
          </label>
          <label className="form-grid">
            <span>
              <FormattedMessage id="export.to" />
            </span>
            <input type="date" value={fields.to} onChange={set('to')} data-testid="export-to" />
          </label>
          <label className="form-grid">
            <span>
              <FormattedMessage id="export.agent" />
            </span>
            <input
              type="text"
              value={fields.agent}
              onChange={set('agent')}
              placeholder={intl.formatMessage({ id: 'export.agent.everyone' })}
              maxLength={200}
              data-testid="export-agent"
            />
          </label>
          <label className="form-grid">
            <span>
              <FormattedMessage id="wrap-up.step.resolution" />
            </span>
            <select
              value={fields.resolution}
              onChange={set('resolution')}
              data-testid="export-resolution"
            >
              <option value="">{intl.formatMessage({ id: 'export.any' })}</option>
              {RESOLUTION_VALUES.map((v) => (
                <option key={v} value={v}>
                  {intl.formatMessage({ id: RESOLUTION_MESSAGES[v] })}
                </option>
              ))}
              <option value="none">{intl.formatMessage({ id: 'export.resolution.none' })}</option>
            </select>
          </label>
          <label className="form-grid">
            <span>
              <FormattedMessage id="wrap-up.step.escalation" />
            </span>
            <select
              value={fields.escalation}
              onChange={set('escalation')}
              data-testid="export-escalation"
            >
              <option value="">{intl.formatMessage({ id: 'export.any' })}</option>
              {ESCALATION_VALUES.map((v) => (
                <option key={v} value={v}>
                  {intl.formatMessage({ id: ESCALATION_MESSAGES[v] })}
                </option>
              ))}
            </select>
          </label>
          <label className="form-grid">
            <span>
              <FormattedMessage id="wrap-up.step.follow-up" />
            </span>
            <select
              value={fields.followUp}
              onChange={set('followUp')}
              data-testid="export-follow-up"
            >
              <option value="">{intl.formatMessage({ id: 'export.any' })}</option>
              {FOLLOW_UP_FILTER_VALUES.map((v) => (
                <option key={v} value={v}>
                  {intl.formatMessage({ id: FOLLOW_UP_MESSAGES[v] })}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <p
          role="status"
          className="export-count"
          data-testid="export-count"
          data-count={matching ?? ''}
        >
          {exp.count.status === 'counting' && <FormattedMessage id="export.counting" />}
          {exp.count.status === 'error' && (
            <FormattedMessage
              id="export.count-error"
              values={{ error: describeHostFailure(exp.count.failure, intl) }}
            />
          )}
          {matching !== null && (
            <FormattedMessage id="export.matching" values={{ count: matching }} />
          )}
        </p>
        <fieldset disabled={exp.running}>
          <legend>
            <FormattedMessage id="export.format" />
          </legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="export-format">
              <input
                type="radio"
                name="export-format"
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
                data-testid={`export-format-${f}`}
              />
              <FormattedMessage id={FORMAT_MESSAGES[f]} />
            </label>
          ))}
        </fieldset>
        <p className="muted">
          <FormattedMessage
            id={host === 'browser' ? 'export.delivery.download' : 'export.delivery.file'}
          />
        </p>

        {exp.job && (
          <div
            className="export-progress"
            data-testid="export-progress"
            data-state={state ?? 'starting'}
          >
            <progress
              max={Math.max(1, progress?.total ?? exp.job.total)}
              value={progress?.written ?? 0}
            />
            <span role="status">
              {(state === undefined || state === 'running') && (
                <FormattedMessage
                  id="export.progress.running"
                  values={{
                    written: progress?.written ?? 0,
                    total: progress?.total ?? exp.job.total,
                  }}
                />
              )}
              {state === 'done' && progress?.delivery?.kind === 'file' && (
                <FormattedMessage
                  id="export.progress.saved"
                  values={{ count: progress.written, path: progress.delivery.path }}
                />
              )}
              {state === 'done' && progress?.delivery?.kind === 'download' && (
                <FormattedMessage
                  id="export.progress.downloading"
                  values={{ count: progress.written, fileName: progress.delivery.fileName }}
                />
              )}
              {state === 'cancelled' && <FormattedMessage id="export.progress.cancelled" />}
              {state === 'failed' && exportFailureText(progress, intl)}
            </span>
          </div>
        )}
        {exp.message && (
          <p className="notice info" role="status" data-testid="export-message">
            {exp.message.kind === 'not-started' ? (
              <FormattedMessage
                id="export.not-started"
                values={{ error: describeHostFailure(exp.message.error, intl) }}
              />
            ) : (
              <FormattedMessage id="export.no-file" />
            )}
          </p>
        )}

        <div className="actions">
          {exp.running ? (
            <button type="button" onClick={() => void exp.cancel()} data-testid="export-cancel">
              <FormattedMessage id="export.cancel" />
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={matching === 0 || exp.count.status !== 'ready'}
              onClick={() => void exp.start(format)}
              data-testid="export-start"
            >
              {matching !== null ? (
                <FormattedMessage
                  id="export.start"
                  values={{ count: matching, format: format.toUpperCase() }}
                />
              ) : (
                <FormattedMessage
                  id="export.start.no-count"
                  values={{ format: format.toUpperCase() }}
                />
              )}
            </button>
          )}
          <button type="button" onClick={onClose} disabled={exp.running} data-testid="export-close">
            <FormattedMessage id="export.close" />
          </button>
        </div>
      </form>
    </dialog>
  );
}
