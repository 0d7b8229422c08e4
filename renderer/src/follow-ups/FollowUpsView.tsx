import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  FOLLOW_UP_SECTIONS,
  type FollowUpRow,
  type FollowUpSection,
} from '../../../preload/contract/follow-up-ipc-schema';
import { FOLLOW_UP_CHANNEL_VALUES } from '../../../preload/contract/session-schema';
import { localDay } from '../../../preload/domain/calendar-day';
import { FollowUpSectionList } from './FollowUpSectionList';
import { promisedText, sectionTitle } from './follow-up-words';
import { channelName } from '../session-log/session-format';
import type { FollowUpFilters } from './use-follow-up-section';
import type { FollowUps } from './use-follow-ups';
import { describeHostFailure } from '../api/host-failure-text';
import './follow-ups.css';

interface Props {
  followUps: FollowUps;
  onOpen(id: string): void;
}

/** Set when every section's first page is on screen (the e2e and the bench measure to it). */
export const FIRST_SCREEN_MARK = 'follow-ups:first-screen';

interface Undoable {
  readonly ids: readonly string[];
  readonly text: string;
}

/**
 * Follow-ups overdue, due today and upcoming, a page at a time, each row saying what was promised, to whom,
 * by when and through which channel; filters by channel and words; several marked done at once; every
 * "Mark done" can be undone.
 */
export function FollowUpsView({ followUps, onOpen }: Props) {
  const [filters, setFilters] = useState<FollowUpFilters>({ channel: '', text: '' });
  const [textInput, setTextInput] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undoable | null>(null);
  const [busy, setBusy] = useState(false);
  const asOf = localDay(new Date());
  const filtered = filters.channel !== '' || filters.text.trim() !== '';
  const { setDone, version } = followUps;
  const intl = useIntl();
  const someFollowUps = (count: number) => intl.formatMessage({ id: 'follow-ups.some' }, { count });

  const loadedSections = useRef(new Set<FollowUpSection>());
  const onLoaded = useCallback((section: FollowUpSection) => {
    const loaded = loadedSections.current;
    if (loaded.size === FOLLOW_UP_SECTIONS.length) return;
    loaded.add(section);
    if (loaded.size === FOLLOW_UP_SECTIONS.length)
      requestAnimationFrame(() => performance.mark(FIRST_SCREEN_MARK));
  }, []);
  useEffect(() => {
    performance.mark('follow-ups:open');
  }, []);

  const onSelect = useCallback((ids: readonly string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  async function markDone(ids: readonly string[], what: string) {
    setBusy(true);
    const failed = await setDone(ids, true);
    setBusy(false);
    if (failed) {
      const error = describeHostFailure(failed, intl);
      setMessage(intl.formatMessage({ id: 'follow-ups.not-done' }, { error }));
      setUndo(null);
      return;
    }
    setSelected(new Set());
    setMessage(null);
    setUndo({ ids, text: intl.formatMessage({ id: 'follow-ups.marked-done' }, { what }) });
  }

  async function undoDone() {
    if (!undo) return;
    setBusy(true);
    const failed = await setDone(undo.ids, false);
    setBusy(false);
    setMessage(
      failed
        ? intl.formatMessage(
            { id: 'follow-ups.not-undone' },
            { error: describeHostFailure(failed, intl) },
          )
        : intl.formatMessage({ id: 'follow-ups.open-again' }, { count: undo.ids.length }),
    );
    setUndo(null);
  }

  const onDone = (rows: readonly FollowUpRow[]) =>
    void markDone(
      rows.map((row) => row.id),
      rows.length === 1 ? promisedText(rows[0], intl) : someFollowUps(rows.length),
    );

  return (
    <main className="follow-ups" data-testid="follow-ups">
      <nav
        className="follow-up-jump"
        aria-label={intl.formatMessage({ id: 'follow-ups.jump.label' })}
      >
        {FOLLOW_UP_SECTIONS.map((section) => (
          <a key={section} href={`#follow-ups-${section}-title`} data-testid={`jump-${section}`}>
            <FormattedMessage
              id="follow-ups.jump"
              values={{ section: sectionTitle(section, intl), count: followUps.counts[section] }}
            />
          </a>
        ))}
      </nav>
      <form
        className="follow-up-filters panel"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...filters, text: textInput });
        }}
      >
        <label>
          <FormattedMessage id="follow-ups.words" />
          <input
            type="search"
            value={textInput}
            placeholder={intl.formatMessage({ id: 'follow-ups.words.placeholder' })}
            onChange={(e) => setTextInput(e.target.value)}
            data-testid="follow-ups-search"
          />
        </label>
        <button type="submit" data-testid="follow-ups-find">
          <FormattedMessage id="follow-ups.find" />
        </button>
        <label>
          <FormattedMessage id="follow-ups.channel" />
          <select
            value={filters.channel}
            onChange={(e) =>
              setFilters({ ...filters, channel: e.target.value as FollowUpFilters['channel'] })
            }
            data-testid="follow-ups-channel"
          >
            <option value="">{intl.formatMessage({ id: 'follow-ups.channel.any' })}</option>
            {FOLLOW_UP_CHANNEL_VALUES.map((channel) => (
              <option key={channel} value={channel}>
                {channelName(channel, intl)}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            onClick={() => {
              setTextInput('');
              setFilters({ channel: '', text: '' });
            }}
          >
            <FormattedMessage id="follow-ups.clear" />
          </button>
        )}
      </form>
      <div className="follow-up-toolbar" role="status" aria-live="polite">
        <button
          type="button"
          disabled={selected.size === 0 || busy}
          onClick={() => void markDone([...selected], someFollowUps(selected.size))}
          data-testid="follow-ups-done-selected"
        >
          {selected.size === 0 ? (
            <FormattedMessage id="follow-ups.done-selected.none" />
          ) : (
            <FormattedMessage id="follow-ups.done-selected" values={{ count: selected.size }} />
          )}
        </button>
        {undo && (
          <span className="follow-up-undo" data-testid="follow-ups-undo-notice">
            {undo.text}{' '}
            <button
              type="button"
              onClick={() => void undoDone()}
              disabled={busy}
              data-testid="follow-ups-undo"
            >
              <FormattedMessage id="follow-ups.undo" />
            </button>
          </span>
        )}
        {message && <span data-testid="follow-ups-message">{message}</span>}
      </div>
      {followUps.error && (
        <p className="notice" role="alert">
          <FormattedMessage
            id="follow-ups.error"
            values={{ error: describeHostFailure(followUps.error, intl) }}
          />
        </p>
      )}
      {FOLLOW_UP_SECTIONS.map((section) => (
        <FollowUpSectionList
          key={`${section}|${filters.channel}|${filters.text.trim()}`}
          section={section}
          filters={filters}
          filtered={filtered}
          version={version}
          asOf={asOf}
          selected={selected}
          onSelect={onSelect}
          onOpen={onOpen}
          onDone={onDone}
          onLoaded={onLoaded}
        />
      ))}
    </main>
  );
}
