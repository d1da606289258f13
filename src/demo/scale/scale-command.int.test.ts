import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../paths.js';

const cli = join(packageRoot, 'src', 'cli', 'lantern.ts');

function lantern(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH ?? '', LANTERN_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe('lantern demo --referrals', () => {
  it('builds the demo area and adds the synthetic referrals, printing counts only', () => {
    const result = lantern(['demo', '--referrals', '400']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Built the demo area');
    expect(result.stdout).toMatch(/run 1, batch 1 of 1: 400 referrals, [\d,]+ contacts/);
    expect(result.stdout).toContain('Added synthetic referrals, run 1 (references SC01-…): 400 referrals');
    expect(result.stdout).not.toMatch(/999\d{7}/);
  }, 130_000);

  it('refuses more than the embedded database takes, before building anything', () => {
    const result = lantern(['demo', '--referrals', '200001']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'lantern: the embedded database (PGlite) takes at most 200000 synthetic referrals; set DATABASE_URL to a PostgreSQL server for more',
    );
    expect(result.stdout).toBe('');
  });

  it('refuses a number of referrals that is not a whole number', () => {
    const result = lantern(['demo', '--referrals', 'lots']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('lantern: --referrals must be a whole number of at least 1');
  });
});
