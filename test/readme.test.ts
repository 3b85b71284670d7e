// The README is the user's manual: every configuration variable the code reads must be in it.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CONNECTORS } from '../connectors/registry.js';
import { CORE_VARIABLE_DOCS } from '../src/config.js';
import { MATCH_VARIABLES } from '../src/identity/match-config.js';
import { SOCIALSIGNIN_VARIABLES } from '../src/integrations/socialsignin/config.js';
import { WRITE_VARIABLES } from '../src/writes/write-config.js';

describe('README', () => {
  it('documents every configuration variable', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const names = [
      ...Object.keys(CORE_VARIABLE_DOCS),
      ...CONNECTORS.flatMap((c) => Object.keys(c.variables)),
      ...Object.keys(SOCIALSIGNIN_VARIABLES),
      ...Object.keys(MATCH_VARIABLES),
      ...Object.keys(WRITE_VARIABLES),
    ];
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('shows both quick-start commands', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });
});
