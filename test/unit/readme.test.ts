// The README is the newcomer's and IT's manual: its first lines give the two commands CI runs,
// and its key table documents every configuration key.
import { existsSync, readFileSync } from 'node:fs';
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

  it("the core's map names folders and files that exist", () => {
    const core = new URL('../../electron/core/', import.meta.url);
    const map = readFileSync(new URL('README.md', core), 'utf8').split('## Recipes')[0]!;
    const rows = map.split('\n').filter((line) => line.startsWith('| ') && !line.includes('---'));
    const missing: string[] = [];
    for (const row of rows.slice(1)) {
      const [, folderCell = '', startCell = ''] = row.split('|').slice(1);
      const folders = [...folderCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      for (const f of folders) if (!existsSync(new URL(f, core))) missing.push(f);
      const folder = folders.find((f) => f.endsWith('/')) ?? '';
      for (const [, file] of startCell.matchAll(/`([^`]+)`/g)) {
        const inFolder = new URL(folder + file!, core);
        if (!existsSync(inFolder) && !existsSync(new URL(file!, core))) missing.push(file!);
      }
    }
    expect(rows.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it.each(['acceptance', 'outbox', 'stream', 'pos', 'catalog'])(
    'the %s/ folder says what it owns, its files exist, and it gives a recipe',
    (folder) => {
      const dir = new URL(`../../electron/core/${folder}/`, import.meta.url);
      const text = readFileSync(new URL('README.md', dir), 'utf8');
      expect(text).toMatch(/\*\*Owns /);
      expect(text).toMatch(/^## Recipes\n\n\*\*[^*]+\*\*/m);
      const named = text
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
      expect(named.length).toBeGreaterThan(2);
      expect(named.filter((file) => !existsSync(new URL(file, dir)))).toEqual([]);
    },
  );
});
