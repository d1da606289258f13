import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { staffRoles } from '../access/roles.js';
import { generatedBlock, securityDocPath, securityTables } from './security-docs.js';

describe('docs/security.md', () => {
  it('shows the role, permission and route tables exactly as the code has them (npm run docs:security)', () => {
    expect(generatedBlock(readFileSync(securityDocPath, 'utf8'))).toBe(securityTables());
  });

  it('lists every role', () => {
    for (const role of staffRoles) expect(securityTables()).toContain(`| \`${role}\` |`);
  });
});
