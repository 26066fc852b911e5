/** The README's nginx line is the policy the site ships (src/csp.ts), not a copy that drifts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER } from '../../src/csp';

describe('the README', () => {
  it('gives nginx the policy the site ships', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(`add_header Content-Security-Policy "${CSP_HEADER}" always;`);
  });
});
