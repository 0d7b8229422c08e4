/**
 * The team store's configuration and connection messages without a server: TLS off only for this
 * computer, one place for the password, libpq's pgpass matching, and a server that dies mid-write named
 * as such (not a raw "write EPIPE").
 */
import { describe, expect, it } from 'vitest';
import { describeStoreError } from '../../../main/team/store-connection';
import { pgpassLookup, storeAddress } from '../../../main/team/store-password';
import { parseTeamConfig } from '../../../main/team/team-config';

const base = { teamId: 'north', agentId: 'ana' };

describe('team store configuration', () => {
  it('refuses tls.mode "disable" for any host but this computer', () => {
    for (const host of ['127.0.0.1', '127.8.9.1', 'localhost', '[::1]'])
      expect(
        parseTeamConfig(
          { ...base, url: `postgres://ana@${host}:5432/calm`, tls: { mode: 'disable' } },
          'f',
        ).tls.mode,
      ).toBe('disable');
    expect(() =>
      parseTeamConfig(
        { ...base, url: 'postgres://ana@db.example.org/calm', tls: { mode: 'disable' } },
        'team-store.json',
      ),
    ).toThrow(
      'team-store.json: tls.mode "disable" is for a store on this computer only (127.0.0.1, ::1, localhost); db.example.org needs "verify-full" or "require".',
    );
    expect(
      parseTeamConfig(
        { ...base, url: 'postgres://ana@db.example.org/calm', tls: { mode: 'require' } },
        'f',
      ).tls.mode,
    ).toBe('require');
  });

  it('reads pgpass lines as libpq does: wildcards, escapes, the first match', () => {
    const address = storeAddress('postgres://ana@db.example.org:6543/calm_line');
    const text = [
      '# comment',
      'db.example.org:5432:calm_line:ana:wrong-port',
      'db.example.org:6543:calm_line:bob:wrong-user',
      'db.example.org:*:calm_line:ana:a\\:b\\\\c',
      '*:*:*:*:fallback',
    ].join('\n');
    expect(pgpassLookup(text, address)).toBe('a:b\\c');
    expect(pgpassLookup('*:*:*:*:fallback', address)).toBe('fallback');
    expect(pgpassLookup('other:*:*:*:x\nshort:line', address)).toBeUndefined();
  });

  it('names a server that went away mid-write, with the store and never the password', () => {
    const config = { url: 'postgres://ana:secret@db.example.org:5432/calm' };
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const line = describeStoreError(epipe, config);
    expect(line).toBe(
      'the team store at db.example.org:5432/calm closed the connection (restarting or shutting down)',
    );
    expect(line).not.toContain('secret');
  });
});
