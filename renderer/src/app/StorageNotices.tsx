import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { hostApi } from '../api/host-api';
import { useHostEvent } from '../api/use-host-event';
import { mergeNotices } from './storage-notice-list';

/**
 * Files the host could not read at start (truncated, not JSON, written by a newer version) were moved
 * aside unchanged; this tells the user what happened and where each file is now, until dismissed. The
 * frame is in the page's language; each file's line is the host's own sentence (English for now).
 */
export function StorageNotices() {
  const [notices, setNotices] = useState<readonly string[]>([]);
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
  useHostEvent('storage-notice', ({ message }) =>
    setNotices((list) => mergeNotices(list, [message])),
  );
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="alert" data-testid="storage-notices">
      <strong>
        <FormattedMessage id="app.storage.title" />
      </strong>{' '}
      <FormattedMessage id="app.storage.nothing-lost" />
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setNotices([])}>
        <FormattedMessage id="app.storage.dismiss" />
      </button>
    </div>
  );
}
