/**
 * Brings a stored session of any earlier schema version to the current one (SESSION_SCHEMA_VERSION).
 * One step per version; each step is pure and tested. A record from a newer version is never touched.
 *
 *   1 → 2  The live coach's hand-off (call + scratchpad priorities) gains a wrap-up: priorities ranked in
 *          their order, everything else empty; agent '', afterCallWorkSec 0, savedAt = endedAt, no
 *          timeline, no recording.
 */
import { z } from 'zod';
import {
  callRecordSchema,
  emptyWrapUp,
  PRIORITY_KIND_VALUES,
  SESSION_SCHEMA_VERSION,
  sessionSchema,
  type Session,
} from '../../preload/contract/session-schema';
import { describeIssues } from '../../preload/contract/describe-issues';
import { schemaVersionOf } from '../storage/store-problems';

export const sessionV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.uuid(),
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }),
  call: callRecordSchema,
  priorities: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64),
        text: z.string().max(2000),
        kind: z.enum(PRIORITY_KIND_VALUES),
        confirmed: z.boolean(),
      }),
    )
    .max(200),
});
export type SessionV1 = z.infer<typeof sessionV1Schema>;

export function migrateV1ToV2(v1: SessionV1): Session {
  const wrapUp = emptyWrapUp();
  wrapUp.priorities = v1.priorities.map((priority, index) => ({ ...priority, rank: index + 1 }));
  return {
    schemaVersion: 2,
    id: v1.id,
    agent: '',
    startedAt: v1.startedAt,
    endedAt: v1.endedAt,
    call: v1.call,
    wrapUp,
    afterCallWorkSec: 0,
    savedAt: v1.endedAt,
    hasTimeline: false,
    recording: null,
  };
}

export type MigrationOutcome =
  | {
      readonly ok: true;
      readonly session: Session;
      /** The version it was stored as. */ readonly from: number;
    }
  | { readonly ok: false; readonly reason: 'future-version' | 'invalid'; readonly message: string };

/** Validates a stored record of any known version and returns it as a current Session. */
export function migrateSession(raw: unknown): MigrationOutcome {
  const version = schemaVersionOf(raw);
  if (version !== undefined && version > SESSION_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: 'future-version',
      message: `session schema version ${version}, this app reads up to ${SESSION_SCHEMA_VERSION}`,
    };
  }
  if (version === 1) {
    const v1 = sessionV1Schema.safeParse(raw);
    if (!v1.success)
      return {
        ok: false,
        reason: 'invalid',
        message: `version 1 session: ${describeIssues(v1.error)}`,
      };
    return { ok: true, session: migrateV1ToV2(v1.data), from: 1 };
  }
  const current = sessionSchema.safeParse(raw);
  if (!current.success)
    return { ok: false, reason: 'invalid', message: describeIssues(current.error) };
  return { ok: true, session: current.data, from: SESSION_SCHEMA_VERSION };
}
