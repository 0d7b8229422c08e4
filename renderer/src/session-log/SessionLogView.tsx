import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ESCALATION_VALUES, RESOLUTION_VALUES } from '../../../preload/contract/session-schema';
import type { SessionSummary } from '../../../preload/contract/session-ipc-schema';
import { FOLLOW_UP_FILTER_VALUES } from '../../../preload/domain/follow-up-status';
import type { CallTimeline } from '../../engine/call-types';
import type { Settings } from '../api/host-api';
import { formatClock } from '../live-coach/cue-copy';
import { RecordedCallPanel } from '../review/RecordedCallPanel';
import type { CallForWrapUp } from '../wrap-up/wrap-up-draft';
import { SessionDetail } from './SessionDetail';
import { activeFilterCount } from './log-query';
import { localDay } from '../../../preload/domain/calendar-day';
import { followUpStatus } from '../../../preload/domain/follow-up-status';
import {
  escalationName,
  escalationText,
  followUpText,
  formatWhen,
  resolutionText,
} from './session-format';
import type { MessageKey } from '../i18n/catalogue';
import { useSessionLog } from './use-session-log';
import { DELETE_UNDO_MS, usePendingDelete } from './use-pending-delete';
import { describeHostFailure } from '../api/host-failure-text';
import './session-log.css';

interface Props {
  settings: Settings | null;
  /** The session open in the log (from the log itself or the follow-ups list), null for the list. */
  selectedId: string | null;
  onSelect(id: string | null): void;
  onSaveRecordedCall(call: CallForWrapUp, timeline: CallTimeline | null): void;
  /** Changes when sessions may have changed (a wrap-up saved, a follow-up done): the list reloads. */
  refreshKey: unknown;
  onSessionChanged(): void;
}

const FOLLOW_UP_FILTER_LABELS = {
  due: 'log.follow-up-filter.due',
  overdue: 'log.follow-up-filter.overdue',
  open: 'log.follow-up-filter.open',
  done: 'log.follow-up-filter.done',
} as const satisfies Record<string, MessageKey>;

/** Every saved call, newest first: search, filters, pages, and each session's wrap-up and review. */
export function SessionLogView({
  settings,
  selectedId,
  onSelect,
  onSaveRecordedCall,
  refreshKey,
  onSessionChanged,
}: Props) {
  const log = useSessionLog(refreshKey);
  const deletion = usePendingDelete(onSessionChanged);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const { filters } = log;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const intl = useIntl();

  // "/" jumps to the search box from anywhere in the log.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || selectedId || t?.closest('input, textarea, select, [contenteditable]'))
        return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectedId]);

  function onListKey(e: KeyboardEvent<HTMLUListElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [
      ...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.session-row') ?? []),
    ];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      buttons[Math.min(buttons.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }

  if (selectedId) {
    return (
      <SessionDetail
        id={selectedId}
        editor={settings?.profile.agentName ?? ''}
        onBack={() => onSelect(null)}
        onChanged={onSessionChanged}
        onDelete={(session) => {
          deletion.start(session);
          onSelect(null);
        }}
      />
    );
  }

  const first = log.total === 0 ? 0 : log.shownOffset + 1;
  const last = Math.min(log.total, log.shownOffset + log.rows.length);
  const filterCount = activeFilterCount(filters);
  return (
    <main className="session-log" data-testid="session-log">
      {deletion.pending && (
        <p className="notice info" role="status" data-testid="delete-undo-notice">
          <FormattedMessage
            id={deletion.pending.wrapUp.caseReference ? 'log.deleted.reference' : 'log.deleted'}
            values={{
              when: formatWhen(deletion.pending.startedAt, intl),
              reference: deletion.pending.wrapUp.caseReference,
              seconds: DELETE_UNDO_MS / 1000,
            }}
          />{' '}
          <button type="button" onClick={deletion.undo} data-testid="delete-undo">
            <FormattedMessage id="log.undo" />
          </button>
        </p>
      )}
      {deletion.error && (
        <p className="notice" role="alert">
          <FormattedMessage
            id="log.not-deleted"
            values={{ error: describeHostFailure(deletion.error, intl) }}
          />
        </p>
      )}
      <RecordedCallPanel settings={settings} onSaveAsSession={onSaveRecordedCall} />
      <section className="panel" aria-label={intl.formatMessage({ id: 'log.region' })}>
        <div className="log-search">
          <input
            ref={searchRef}
            type="search"
            aria-label={intl.formatMessage({ id: 'log.search' })}
            placeholder={intl.formatMessage({ id: 'log.search.placeholder' })}
            value={filters.text}
            maxLength={500}
            data-testid="log-search"
            onChange={(e) => log.setFilters({ text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                listRef.current?.querySelector<HTMLButtonElement>('button.session-row')?.focus();
              }
            }}
          />
        </div>
        <details
          className="log-filters"
          open={filtersOpen}
          onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
        >
          <summary>
            {filterCount > 0 ? (
              <FormattedMessage id="log.filters.count" values={{ count: filterCount }} />
            ) : (
              <FormattedMessage id="log.filters" />
            )}
          </summary>
          <div className="filter-grid">
            <label>
              <FormattedMessage id="log.from" />
              <input
                type="date"
                value={filters.from}
                onChange={(e) => log.setFilters({ from: e.target.value })}
                data-testid="log-from"
              />
            </label>
            <label>
              <FormattedMessage id="log.to" />
              <input
                type="date"
                value={filters.to}
                onChange={(e) => log.setFilters({ to: e.target.value })}
                data-testid="log-to"
              />
            </label>
            <label>
              <FormattedMessage id="log.resolution" />
              <select
                value={filters.resolution}
                onChange={(e) =>
                  log.setFilters({ resolution: e.target.value as typeof filters.resolution })
                }
                data-testid="log-resolution"
              >
                <option value="">{intl.formatMessage({ id: 'log.any' })}</option>
                {RESOLUTION_VALUES.map((r) => (
                  <option key={r} value={r}>
                    {resolutionText(r, intl)}
                  </option>
                ))}
                <option value="none">{resolutionText(null, intl)}</option>
              </select>
            </label>
            <label>
              <FormattedMessage id="log.escalation" />
              <select
                value={filters.escalation}
                onChange={(e) =>
                  log.setFilters({ escalation: e.target.value as typeof filters.escalation })
                }
                data-testid="log-escalation"
              >
                <option value="">{intl.formatMessage({ id: 'log.any' })}</option>
                {ESCALATION_VALUES.map((v) => (
                  <option key={v} value={v}>
                    {escalationName(v, intl)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <FormattedMessage id="log.follow-up" />
              <select
                value={filters.followUp}
                onChange={(e) =>
                  log.setFilters({ followUp: e.target.value as typeof filters.followUp })
                }
                data-testid="log-follow-up"
              >
                <option value="">{intl.formatMessage({ id: 'log.any' })}</option>
                {FOLLOW_UP_FILTER_VALUES.map((v) => (
                  <option key={v} value={v}>
                    {intl.formatMessage({ id: FOLLOW_UP_FILTER_LABELS[v] })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={log.reset}>
              <FormattedMessage id="log.clear" />
            </button>
          </div>
        </details>
        <p
          className="log-count muted"
          role="status"
          data-testid="log-count"
          data-total={log.settled ? log.total : undefined}
          aria-busy={!log.settled}
        >
          {log.error
            ? intl.formatMessage(
                { id: 'log.error' },
                { error: describeHostFailure(log.error, intl) },
              )
            : log.loading && log.rows.length === 0
              ? intl.formatMessage({ id: 'log.loading' })
              : log.total === 0
                ? filterCount > 0 || filters.text.trim() !== ''
                  ? intl.formatMessage({ id: 'log.none-match' })
                  : intl.formatMessage({ id: 'log.empty' })
                : intl.formatMessage({ id: 'log.count' }, { first, last, total: log.total })}
        </p>
        <ul className="session-rows" ref={listRef} onKeyDown={onListKey} data-testid="log-rows">
          {log.rows
            .filter((row) => row.id !== deletion.pending?.id)
            .map((row) => (
              <SessionRow key={row.id} row={row} onOpen={() => onSelect(row.id)} />
            ))}
        </ul>
        {log.total > log.pageSize && (
          <div className="actions pager">
            <button type="button" onClick={() => log.page(-1)} disabled={log.offset === 0}>
              <FormattedMessage id="log.newer" />
            </button>
            <button
              type="button"
              onClick={() => log.page(1)}
              disabled={log.offset + log.pageSize >= log.total}
            >
              <FormattedMessage id="log.older" />
            </button>
          </div>
        )}
      </section>
    </main>
  );
}

function SessionRow({ row, onOpen }: { row: SessionSummary; onOpen(): void }) {
  const intl = useIntl();
  const esc = escalationText(row.escalation, intl);
  const status = followUpStatus(row, localDay(new Date()));
  return (
    <li>
      <button
        type="button"
        className="session-row"
        onClick={onOpen}
        data-testid="log-row"
        data-session-id={row.id}
      >
        <span className="row-line">
          <strong>{formatWhen(row.startedAt, intl)}</strong>
          <span className="muted"> · {formatClock(row.durationSec)}</span>
          <span className="badge" data-resolution={row.resolution ?? 'none'}>
            {resolutionText(row.resolution, intl)}
          </span>
        </span>
        <span className="row-line muted">
          {row.caseReference ? `${row.caseReference} · ` : ''}
          <FormattedMessage
            id="log.row.figures"
            values={{
              priorities: row.priorityCount,
              confirmed: row.confirmedPriorityCount,
              overtalk: row.overtalkCount,
              loud: row.tooLoudCount,
              heated: row.heatedCount,
            }}
          />
        </span>
        {(esc || status !== 'none') && (
          <span className="row-line">
            {esc && <span className="badge escalation">{esc}</span>}
            {status !== 'none' && (
              <span className="follow-up" data-status={status}>
                {followUpText(row, undefined, intl)}
              </span>
            )}
          </span>
        )}
      </button>
    </li>
  );
}
