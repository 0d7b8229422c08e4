/**
 * What every host call resolves to. Only plain data crosses a process boundary (an Error's stack and
 * class do not survive IPC), so failures are values with a stable `code` and a human `message`.
 */
export type IpcErrorCode =
  /** The method name is not in the contract. */
  | 'unknown-method'
  /** The payload failed validation (wrong type, wrong shape, out of range). */
  | 'invalid-payload'
  /** The payload is larger than the host accepts. */
  | 'payload-too-large'
  /** The call came from a frame or page the host does not trust. */
  | 'forbidden'
  /** The host could not be reached, or the connection dropped before the answer came. */
  | 'host-unavailable'
  /** The host failed while handling a valid call. */
  | 'internal';

export interface IpcSuccess<T> {
  readonly ok: true;
  readonly value: T;
}

/**
 * Why the host could not do what was asked, in no language, when it is one a person can act on (the
 * page words it in the agent's language; `message` says the same in English for logs and scripts).
 * The write reasons also mean that nothing saved before was changed (writes are atomic).
 */
export type StorageFailureReason =
  | 'disk-full'
  | 'no-write-permission'
  | 'read-only'
  | 'storage-check'
  | 'write-failed'
  | 'read-failed';

/**
 * The storage reasons, and the other refusals the page words the same way: start at login, call events
 * in a host that has none.
 */
export type HostFailureReason =
  | StorageFailureReason
  | 'start-at-login-unsupported'
  | 'start-at-login-failed'
  | 'call-events-unavailable'
  /** A window whose host has no exporter, or keeps no recordings. */
  | 'export-unavailable'
  | 'recordings-unavailable'
  /** The team store could not be used: `values` says why (preload/contract/team-store-problem.ts). */
  | 'team-store'
  | 'team-store-not-configured';

export interface IpcFailure {
  readonly ok: false;
  readonly code: IpcErrorCode;
  readonly message: string;
  readonly reason?: HostFailureReason;
  /** What the reason's words need (the team store's problem: where, as whom, the driver's words). */
  readonly values?: Readonly<Record<string, string>>;
}

export type IpcResult<T> = IpcSuccess<T> | IpcFailure;

export function succeed<T>(value: T): IpcSuccess<T> {
  return { ok: true, value };
}

export function fail(
  code: IpcErrorCode,
  message: string,
  reason?: HostFailureReason,
  values?: Readonly<Record<string, string>>,
): IpcFailure {
  if (reason === undefined) return { ok: false, code, message };
  return values === undefined
    ? { ok: false, code, message, reason }
    : { ok: false, code, message, reason, values };
}

const ERROR_CODES: ReadonlySet<string> = new Set<IpcErrorCode>([
  'unknown-method',
  'invalid-payload',
  'payload-too-large',
  'forbidden',
  'host-unavailable',
  'internal',
]);

/** True when `value` has the shape of an IpcResult (used by clients that receive results as JSON). */
export function isIpcResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (candidate.ok === true) return 'value' in candidate;
  return (
    candidate.ok === false &&
    typeof candidate.code === 'string' &&
    ERROR_CODES.has(candidate.code) &&
    typeof candidate.message === 'string'
  );
}
