import { useEffect, useMemo, useRef, useState } from 'react';
import { ESCALATION_VALUES, RESOLUTION_VALUES } from '../../../preload/contract/session-schema';
import { FOLLOW_UP_FILTER_VALUES } from '../../../preload/domain/follow-up-status';
import { EXPORT_FORMATS, type ExportFormat } from '../../../preload/contract/session-export-schema';
import type { HostKind } from '../api/host-api';
import { useExport } from './use-export';
import { EMPTY_EXPORT_FIELDS, exportFilterOf, type ExportFilterFields } from './export-filter';
import './export.css';
import { countOf, en, formatNumber } from '../../../preload/domain/count-words';

interface Props {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly host: HostKind | undefined;
}

const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV — spreadsheets, one row per call',
  json: 'JSON — everything, for a team lead’s team view',
  xlsx: 'Excel workbook — typed columns',
};

/** The export dialog: filters, the count of matching sessions, format, progress with cancel. */
export function ExportDialog({ open, onClose, host }: Props) {
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
      <h2 id="export-title">Export sessions</h2>
      <form method="dialog" onSubmit={(e) => e.preventDefault()}>
        <fieldset disabled={exp.running}>
          <legend>Which sessions</legend>
          <label className="form-grid">
            <span>From</span>
            <input
              type="date"
              value={fields.from}
              onChange={set('from')}
              data-testid="export-from"
            />
          </label>
          <label className="form-grid">
            <span>To</span>
            <input type="date" value={fields.to} onChange={set('to')} data-testid="export-to" />
          </label>
          <label className="form-grid">
            <span>Agent</span>
            <input
              type="text"
              value={fields.agent}
              onChange={set('agent')}
              placeholder="Everyone"
              maxLength={200}
              data-testid="export-agent"
            />
          </label>
          <label className="form-grid">
            <span>Resolution</span>
            <select
              value={fields.resolution}
              onChange={set('resolution')}
              data-testid="export-resolution"
            >
              <option value="">Any</option>
              {RESOLUTION_VALUES.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
              <option value="none">Not recorded</option>
            </select>
          </label>
          <label className="form-grid">
            <span>Escalation</span>
            <select
              value={fields.escalation}
              onChange={set('escalation')}
              data-testid="export-escalation"
            >
              <option value="">Any</option>
              {ESCALATION_VALUES.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label className="form-grid">
            <span>Follow-up</span>
            <select
              value={fields.followUp}
              onChange={set('followUp')}
              data-testid="export-follow-up"
            >
              <option value="">Any</option>
              {FOLLOW_UP_FILTER_VALUES.map((v) => (
                <option key={v} value={v}>
                  {v}
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
          {exp.count.status === 'counting' && 'Counting…'}
          {exp.count.status === 'error' && `Could not count: ${exp.count.message}`}
          {matching !== null &&
            `${countOf(matching, en('session'))} ${matching === 1 ? 'matches' : 'match'}`}
        </p>
        <fieldset disabled={exp.running}>
          <legend>Format</legend>
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
              {FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <p className="muted">
          {host === 'browser'
            ? 'The file is offered as a download when it is ready.'
            : 'You choose where to save; the file appears only once it is complete.'}
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
              {(state === undefined || state === 'running') &&
                `Exporting ${formatNumber(progress?.written ?? 0)} of ${countOf(progress?.total ?? exp.job.total, en('session'))}…`}
              {state === 'done' &&
                progress?.delivery?.kind === 'file' &&
                `Saved ${countOf(progress.written, en('session'))} to ${progress.delivery.path}`}
              {state === 'done' &&
                progress?.delivery?.kind === 'download' &&
                `Exported ${countOf(progress.written, en('session'))}: ${progress.delivery.fileName} is downloading.`}
              {state === 'cancelled' && 'Cancelled. No file was written.'}
              {state === 'failed' &&
                `The export failed: ${progress?.message ?? 'unknown error'}. No file was written.`}
            </span>
          </div>
        )}
        {exp.message && (
          <p className="notice info" role="status" data-testid="export-message">
            {exp.message}
          </p>
        )}

        <div className="actions">
          {exp.running ? (
            <button type="button" onClick={() => void exp.cancel()} data-testid="export-cancel">
              Cancel export
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={matching === 0 || exp.count.status !== 'ready'}
              onClick={() => void exp.start(format)}
              data-testid="export-start"
            >
              Export {matching !== null ? formatNumber(matching) : ''} as {format.toUpperCase()}
            </button>
          )}
          <button type="button" onClick={onClose} disabled={exp.running} data-testid="export-close">
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
