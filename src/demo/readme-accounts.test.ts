import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffRoles } from '../access/roles.js';
import { packageRoot } from '../paths.js';
import { buildDemoArea, DEFAULT_DEMO_SEED } from './demo-area.js';
import { DEMO_PASSWORD, demoEmailFor } from './demo-staff.js';

// The README lists each named demo account and its TOTP secret for the default seed; this keeps
// that table true when the demo area changes.
describe('the README demo accounts', () => {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
  const users = buildDemoArea({ seed: DEFAULT_DEMO_SEED, scale: 1 }).identity.users;

  it('gives the demo password', () => expect(readme).toContain(`\`${DEMO_PASSWORD}\``));

  it.each(staffRoles)('lists %s with its current secret', (role) => {
    const email = demoEmailFor(role);
    const secret = users.find((user) => user.email === email)?.totpSecret;
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${role}\` |`));
    expect(row).toBe(`| \`${role}\` | \`${email}\` | ${secret ? `\`${secret}\`` : 'none needed'} |`);
  });
});
