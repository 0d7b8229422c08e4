/**
 * Who may talk to the browser host. It listens on 127.0.0.1 only; on top of that every request must
 * come from a loopback address, name the host exactly as `127.0.0.1:<port>` (a DNS-rebinding page sends
 * its own host name), and, when it carries an Origin, come from the host's own origin.
 */
import { isLoopbackAddress } from '../call-events/loopback-address';

export function hostOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function isExpectedHostHeader(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}`;
}

export function isExpectedOrigin(origin: string | undefined, port: number): boolean {
  return origin === hostOrigin(port);
}

export type GuardDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export interface RequestFacts {
  readonly remoteAddress: string | undefined;
  readonly host: string | undefined;
  readonly origin: string | undefined;
}

/** Network-level checks (before any token): loopback peer, exact Host, and Origin when given or required. */
export function checkRequestSource(
  facts: RequestFacts,
  port: number,
  requireOrigin: boolean,
): GuardDecision {
  if (!isLoopbackAddress(facts.remoteAddress))
    return { ok: false, status: 403, reason: 'non-loopback peer' };
  if (!isExpectedHostHeader(facts.host, port))
    return { ok: false, status: 403, reason: 'unexpected Host header' };
  if (facts.origin === undefined ? requireOrigin : !isExpectedOrigin(facts.origin, port)) {
    return { ok: false, status: 403, reason: 'unexpected Origin' };
  }
  return { ok: true };
}
