import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { StorageNotice } from '../../../preload/contract/storage-notice';
import { hostApi } from '../api/host-api';
import { useHostEvent } from '../api/use-host-event';
import { mergeNotices } from './storage-notice-list';
import { describeStorageNotice } from './storage-notice-text';

/**
 * Files the host could not read at start (truncated, not JSON, written by a newer version) were moved
 * aside unchanged; this tells the user what happened and where each file is now, until dismissed, in
 * the page's language (the host sends the facts; storage-notice-text.ts words them).
 */
export function StorageNotices() {
  const intl = useIntl();
  const [notices, setNotices] = useState<readonly StorageNotice[]>([]);
  useEffect(() => {
    let live = true;
    void hostApi.getStorageNotices().then((result) => {
      // Merged, not replaced: a notice event may have arrived before this answer.
      if (live && result.ok) setNotices((list) => mergeNotices(result.value, list));
    });
    return () => {
      live = false;
    };
  }, []);
  // Files read later (the draft, a day of the log) are reported as they are found.
  useHostEvent('storage-notice', (notice) => setNotices((list) => mergeNotices(list, [notice])));
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="alert" data-testid="storage-notices">
      <strong>
        <FormattedMessage id="app.storage.title" />
      </strong>{' '}
      <FormattedMessage id="app.storage.nothing-lost" />
      <ul>
        {notices.map((notice) => (
          <li key={notice.message}>{describeStorageNotice(notice, intl)}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setNotices([])}>
        <FormattedMessage id="app.storage.dismiss" />
      </button>
    </div>
  );
}
