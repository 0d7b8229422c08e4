import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { FollowUpRow, FollowUpSection } from '../../../preload/contract/follow-up-ipc-schema';
import { formatWhen } from '../session-log/session-format';
import {
  byWhenText,
  channelText,
  emptySectionText,
  promisedText,
  sectionTitle,
  toWhomText,
} from './follow-up-words';
import { useFollowUpSection, type FollowUpFilters } from './use-follow-up-section';
import { describeHostFailure } from '../api/host-failure-text';

export const FOLLOW_UP_PAGE_SIZE = 25;

interface Props {
  section: FollowUpSection;
  filters: FollowUpFilters;
  filtered: boolean;
  version: number;
  asOf: string;
  selected: ReadonlySet<string>;
  onSelect(ids: readonly string[], on: boolean): void;
  onOpen(id: string): void;
  onDone(rows: readonly FollowUpRow[]): void;
  /** Called once this section's first page is on screen. */
  onLoaded(section: FollowUpSection): void;
}

/** One section (overdue, due today, upcoming), a page at a time. */
export function FollowUpSectionList(props: Props) {
  const {
    section,
    filters,
    filtered,
    version,
    asOf,
    selected,
    onSelect,
    onOpen,
    onDone,
    onLoaded,
  } = props;
  const intl = useIntl();
  const [offset, setOffset] = useState(0);
  const { page, error } = useFollowUpSection(
    section,
    filters,
    offset,
    FOLLOW_UP_PAGE_SIZE,
    version,
  );
  const total = page?.total ?? 0;
  // Marking the last rows of the last page done leaves it empty: show the page before.
  useEffect(() => {
    if (page && page.rows.length === 0 && page.offset > 0)
      setOffset(Math.max(0, Math.floor((total - 1) / FOLLOW_UP_PAGE_SIZE) * FOLLOW_UP_PAGE_SIZE));
  }, [page, total]);
  const loaded = page !== null;
  useEffect(() => {
    if (loaded) onLoaded(section);
  }, [loaded, section, onLoaded]);

  const rows = page?.rows ?? [];
  const testId = `follow-ups-${section}`;
  const allOnPage = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + rows.length);

  return (
    <section
      className="panel follow-up-section"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      aria-busy={!loaded}
    >
      <div className="follow-up-head">
        <h3 id={`${testId}-title`} className="follow-up-title">
          {sectionTitle(section, intl)}{' '}
          <span className="muted" data-testid={`${testId}-count`}>
            <FormattedMessage id="follow-ups.count" values={{ count: total }} />
          </span>
        </h3>
        {rows.length > 0 && (
          <label className="follow-up-select-page">
            <input
              type="checkbox"
              checked={allOnPage}
              onChange={(e) =>
                onSelect(
                  rows.map((row) => row.id),
                  e.target.checked,
                )
              }
              data-testid={`${testId}-select-page`}
            />{' '}
            <FormattedMessage id="follow-ups.select-page" />
          </label>
        )}
      </div>
      {error && (
        <p className="notice" role="alert">
          <FormattedMessage
            id="follow-ups.section-error"
            values={{ error: describeHostFailure(error, intl) }}
          />
        </p>
      )}
      {loaded && rows.length === 0 && !error ? (
        <p className="muted" data-testid={`${testId}-empty`}>
          {emptySectionText(section, filtered, intl)}
        </p>
      ) : (
        <ul className="follow-up-rows">
          {rows.map((row) => (
            <li
              key={row.id}
              data-testid="follow-up-row"
              data-session-id={row.id}
              data-status={section}
            >
              <input
                type="checkbox"
                className="follow-up-check"
                checked={selected.has(row.id)}
                onChange={(e) => onSelect([row.id], e.target.checked)}
                aria-label={intl.formatMessage(
                  { id: 'follow-ups.select-row' },
                  { promised: promisedText(row, intl) },
                )}
                data-testid="follow-up-select"
              />
              <button type="button" className="follow-up-open" onClick={() => onOpen(row.id)}>
                <strong className="follow-up-promised" data-testid="follow-up-promised">
                  {promisedText(row, intl)}
                </strong>
                <span className="follow-up-who" data-testid="follow-up-who">
                  {toWhomText(row, intl)}
                </span>
                <span className="follow-up-date" data-testid="follow-up-when">
                  {byWhenText(row, asOf, intl)}
                </span>
                <span className="follow-up-call">
                  <span data-testid="follow-up-channel">{channelText(row.channel, intl)}</span>
                  <span className="muted">
                    {' · '}
                    <FormattedMessage
                      id={row.agent ? 'follow-ups.call-of.agent' : 'follow-ups.call-of'}
                      values={{ when: formatWhen(row.startedAt, intl), agent: row.agent }}
                    />
                  </span>
                </span>
              </button>
              <button type="button" onClick={() => onDone([row])} data-testid="follow-up-done">
                <FormattedMessage id="follow-ups.mark-done" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {total > FOLLOW_UP_PAGE_SIZE && (
        <nav
          className="follow-up-pager"
          aria-label={intl.formatMessage(
            { id: 'follow-ups.pages' },
            { section: sectionTitle(section, intl) },
          )}
        >
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - FOLLOW_UP_PAGE_SIZE))}
            data-testid={`${testId}-previous`}
          >
            <FormattedMessage id="follow-ups.previous" />
          </button>
          <span data-testid={`${testId}-range`}>
            <FormattedMessage id="follow-ups.range" values={{ first, last, total }} />
          </span>
          <button
            type="button"
            disabled={offset + FOLLOW_UP_PAGE_SIZE >= total}
            onClick={() => setOffset(offset + FOLLOW_UP_PAGE_SIZE)}
            data-testid={`${testId}-next`}
          >
            <FormattedMessage id="follow-ups.next" />
          </button>
        </nav>
      )}
    </section>
  );
}
