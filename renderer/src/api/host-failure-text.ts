/**
 * Why the host could not do something, in the page's language: a failure that carries a reason (the
 * disk is full, the data folder cannot be written or read — preload/contract/ipc-result.ts) or a host
 * that cannot be reached is worded from the catalogue; any other failure keeps the host's own message.
 * Screens put it after their own "Not saved: …".
 */
import { useCallback } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { HostFailureReason, IpcFailure } from '../../../preload/contract/ipc-result';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';

const REASONS: Record<HostFailureReason, MessageKey> = {
  'disk-full': 'app.host-failure.disk-full',
  'no-write-permission': 'app.host-failure.no-write-permission',
  'read-only': 'app.host-failure.read-only',
  'storage-check': 'app.host-failure.storage-check',
  'write-failed': 'app.host-failure.write-failed',
  'read-failed': 'app.host-failure.read-failed',
  'start-at-login-unsupported': 'app.host-failure.start-at-login-unsupported',
  'start-at-login-failed': 'app.host-failure.start-at-login-failed',
  'call-events-unavailable': 'app.host-failure.call-events-unavailable',
  'export-unavailable': 'app.host-failure.export-unavailable',
  'recordings-unavailable': 'app.host-failure.recordings-unavailable',
  'team-store': 'app.host-failure.team-store',
  'team-store-not-configured': 'app.host-failure.team-store-not-configured',
};

export type HostFailure = Pick<IpcFailure, 'code' | 'message' | 'reason' | 'values'>;

export function describeHostFailure(
  failure: HostFailure,
  intl: Pick<IntlShape, 'formatMessage'> = ENGLISH_INTL,
): string {
  if (failure.reason) return intl.formatMessage({ id: REASONS[failure.reason] }, failure.values);
  if (failure.code === 'host-unavailable')
    return intl.formatMessage({ id: 'app.host-failure.unavailable' });
  return failure.message;
}

/** describeHostFailure in the page's current language. */
export function useHostFailureText(): (failure: HostFailure) => string {
  const intl = useIntl();
  return useCallback((failure: HostFailure) => describeHostFailure(failure, intl), [intl]);
}
