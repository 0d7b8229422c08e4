import { describe, expect, it } from 'vitest';
import { callCommandLine } from '../../../main/call-events/call-command-line';

/** What Settings shows: a line a softphone can split at spaces, with no quotes in it when none are needed. */
describe('the command line Settings shows', () => {
  const program = ['/usr/bin/node', '/opt/calm-line/out/cli/call.js'];

  it('names no data folder when it is the default one (the command finds it): no quotes, no shell', () => {
    const line = callCommandLine(
      program,
      '/home/me/.config/Calm Line',
      '/home/me/.config/Calm Line',
      'linux',
    );
    expect(line).toEqual({
      command: '/usr/bin/node /opt/calm-line/out/cli/call.js',
      needsShell: false,
    });
    expect(line.command.split(' ')).toEqual(program);
  });

  it('names a moved folder as a separate argument, and says when a space needs a shell', () => {
    expect(callCommandLine(program, '/srv/calm', '/home/me/.config/Calm Line', 'linux')).toEqual({
      command: '/usr/bin/node /opt/calm-line/out/cli/call.js --data-dir /srv/calm',
      needsShell: false,
    });
    expect(
      callCommandLine(program, '/srv/Calm Data', '/home/me/.config/Calm Line', 'linux'),
    ).toEqual({
      command: "/usr/bin/node /opt/calm-line/out/cli/call.js --data-dir '/srv/Calm Data'",
      needsShell: true,
    });
  });

  it('on Windows: the default folder in any letter case is the default; a program path with a space needs a shell', () => {
    const line = callCommandLine(
      ['C:\\Program Files\\Calm Line\\Calm Line.exe', '--call'],
      'c:\\users\\me\\appdata\\roaming\\calm line',
      'C:\\Users\\me\\AppData\\Roaming\\Calm Line',
      'win32',
    );
    expect(line).toEqual({
      command: '"C:\\Program Files\\Calm Line\\Calm Line.exe" --call',
      needsShell: true,
    });
  });
});
