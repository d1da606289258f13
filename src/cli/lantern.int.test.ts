import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../paths.js';

const cli = join(packageRoot, 'src', 'cli', 'lantern.ts');

/** Runs the real `lantern` command in a child process, as a person at a terminal would. */
function lantern(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH ?? '', LANTERN_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe('the lantern command', () => {
  it('stops with exit code 2 and one line naming a bad setting', () => {
    const result = lantern(['start'], { PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'lantern: PORT is not valid (got "eighty"): expected a whole number from 0 to 65535',
    );
  });

  it('stops with a non-zero code and one line when the database server cannot be reached', () => {
    const result = lantern(['migrate'], { DATABASE_URL: 'postgres://lantern:hunter2@127.0.0.1:1/lantern' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'lantern: cannot reach PostgreSQL at 127.0.0.1:1/lantern: connection refused (is the server running?)',
    );
  });

  it('migrates an empty embedded database', () => {
    const result = lantern(['migrate'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Applied \d+ migration/);
  });

  it('builds a demo area of the size asked for', () => {
    const result = lantern(['demo', '--seed', '3', '--scale', '2'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"schools":128');
  });

  it('refuses a --scale outside 1 to 66', () => {
    const result = lantern(['demo', '--scale', '0'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('lantern: --scale must be a whole number from 1 to 66');
  });

  it('explains its commands when given one it does not know', () => {
    const result = lantern(['frobnicate'], {});
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: lantern <command>');
  });
});
