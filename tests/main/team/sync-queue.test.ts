/**
 * The durable sync queue on a real folder (no database needed): an entry re-queued while its batch was on
 * the way stays queued; refused entries are kept with the reason until tried again; the queue survives a
 * reopen; two processes holding it at once (the app and `team sync`) never undo each other's changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSyncQueue } from '../../../main/team/sync-queue';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

describe('team sync queue', () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calm-queue-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an entry re-queued while its batch was being sent; survives a reopen', () => {
    const dataDir = folder();
    const queue = openSyncQueue({ dataDir });
    queue.enqueue([A, B]);
    const sending = queue.pending();
    queue.enqueue([A]); // edited while on the way
    queue.acknowledge(sending);
    expect(queue.pending().map((e) => e.id)).toEqual([A]);
    expect(
      openSyncQueue({ dataDir })
        .pending()
        .map((e) => e.id),
    ).toEqual([A]);
  });

  it('sets refused entries aside with the reason until they are tried again', () => {
    const queue = openSyncQueue({ dataDir: folder() });
    queue.enqueue([A, B]);
    queue.refuse(
      queue.pending().filter((e) => e.id === B),
      'not yours',
    );
    expect(queue.pending().map((e) => e.id)).toEqual([A]);
    expect([queue.size(), queue.refusedCount(), queue.refusedReason()]).toEqual([
      2,
      1,
      'not yours',
    ]);
    queue.clearRefused();
    expect(queue.pending().map((e) => e.id)).toEqual([A, B]);
  });

  it('two processes on one queue: neither undoes the other', () => {
    const dataDir = folder();
    const app = openSyncQueue({ dataDir });
    app.enqueue([A]);
    const cli = openSyncQueue({ dataDir });
    const batch = cli.pending();
    app.enqueue([B]); // the app saves while the command sends
    cli.acknowledge(batch); // the command's batch of A went through
    // On disk (what a crash of the app would leave), B is still queued.
    expect(
      openSyncQueue({ dataDir })
        .pending()
        .map((e) => e.id),
    ).toEqual([B]);
    app.enqueue([C]);
    expect(app.pending().map((e) => e.id)).toEqual([B, C]);
    expect(
      openSyncQueue({ dataDir })
        .pending()
        .map((e) => e.id),
    ).toEqual([B, C]);
  });
});
