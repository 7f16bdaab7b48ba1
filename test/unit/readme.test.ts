// The README is the newcomer's and IT's manual: its first lines give the two commands CI runs,
// and its key table documents every configuration key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configLeaves } from '../../electron/core/config/load.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');

describe('README', () => {
  it('opens with the install+start and test commands, and CI runs exactly those', () => {
    const top = readme.split('\n').slice(0, 8).join('\n');
    expect(top).toContain('npm ci && npm run serve');
    expect(top).toContain('npm test');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm run serve /m);
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).toContain('apt-get install -y chromium');
  });

  it('documents every configuration key', () => {
    const missing = [...configLeaves().keys()].filter((key) => {
      const last = key.split('.').pop()!;
      return !readme.includes(`\`${key}\``) && !readme.includes(`\`.${last}\``);
    });
    expect(missing).toEqual([]);
  });
});
