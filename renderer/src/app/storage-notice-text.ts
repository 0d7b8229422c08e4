/**
 * A storage notice's line in the page's language: which file, what was wrong with it and where it is
 * now (or, for the settings file, what went back to its defaults and where the original was kept). The
 * host sends the facts (preload/contract/storage-notice.ts); the words are the catalogue's. What the
 * JSON parser or the schema check said is quoted as it came.
 */
import type { IntlShape } from 'react-intl';
import type {
  StorageNotice,
  StoreProblemKind,
  StoreProblemWhy,
} from '../../../preload/contract/storage-notice';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';

type Intl = Pick<IntlShape, 'formatMessage' | 'formatList'>;

const LINE: Record<StoreProblemKind, MessageKey> = {
  'not-json': 'app.storage.line.not-json',
  invalid: 'app.storage.line.invalid',
  'future-version': 'app.storage.line.future-version',
};

const WHY: Record<StoreProblemWhy['code'], MessageKey> = {
  empty: 'app.storage.why.empty',
  'not-json': 'app.storage.why.not-json',
  'newer-version': 'app.storage.why.newer-version',
  'no-version': 'app.storage.why.no-version',
  'no-sessions': 'app.storage.why.no-sessions',
  invalid: 'app.storage.why.invalid',
  'invalid-session': 'app.storage.why.invalid-session',
};

function describeWhy(why: StoreProblemWhy, intl: Intl): string {
  const { code, ...values } = why;
  return intl.formatMessage({ id: WHY[code] }, values);
}

export function describeStorageNotice(notice: StorageNotice, intl: Intl = ENGLISH_INTL): string {
  if (notice.kind === 'moved') {
    return intl.formatMessage(
      { id: LINE[notice.problem] },
      { file: notice.file, why: describeWhy(notice.why, intl), movedTo: notice.movedTo },
    );
  }
  if (notice.unknownOnly)
    return intl.formatMessage(
      { id: 'app.storage.settings-unknown' },
      { backup: notice.backupPath },
    );
  if (notice.replaced.length === 0)
    return intl.formatMessage({ id: 'app.storage.settings-reset' }, { backup: notice.backupPath });
  return intl.formatMessage(
    { id: 'app.storage.settings-invalid' },
    { settings: intl.formatList(notice.replaced, { type: 'unit' }), backup: notice.backupPath },
  );
}
