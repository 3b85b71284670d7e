// The README is the user's manual: every configuration variable the code reads must be in it.
import { readFile } from 'node:fs/promises';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { CONNECTORS } from '../connectors/registry.js';
import { CORE_VARIABLE_DOCS } from '../src/config.js';
import { MATCH_VARIABLES } from '../src/identity/match-config.js';
import { SOCIALSIGNIN_VARIABLES } from '../src/integrations/socialsignin/config.js';
import { WRITE_VARIABLES } from '../src/writes/write-config.js';
import { SYNC_VARIABLES } from '../src/sync/sync-config.js';
import { createLogger } from '../src/logger.js';
import { startFromEnv } from '../src/startup.js';

describe('README', () => {
  it('documents every configuration variable', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const names = [
      ...Object.keys(CORE_VARIABLE_DOCS),
      ...CONNECTORS.flatMap((c) => Object.keys(c.variables)),
      ...Object.keys(SOCIALSIGNIN_VARIABLES),
      ...Object.keys(MATCH_VARIABLES),
      ...Object.keys(WRITE_VARIABLES),
      ...Object.keys(SYNC_VARIABLES),
    ];
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('shows both quick-start commands', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });

  it('gives an example request that the demo answers as sent', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    // The body the quick start's curl sends, from its here-document.
    const body = /curl -s http:\/\/127\.0\.0\.1:4000\/graphql [^\n]*<<'EOF'\n([\s\S]*?)\nEOF\n/.exec(readme)?.[1];
    expect(body).toBeDefined();
    const running = await startFromEnv({ PORT: '0', STORE_URL: 'memory://', SYNC_INTERVAL_MS: '0' }, { logger: createLogger('silent') });
    try {
      await running.gateway.indexer.whenReady();
      const res = await request(running.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body! });
      const answer = (await res.body.json()) as { data?: { people: { totalCount: number } }; errors?: unknown };
      expect({ status: res.statusCode, errors: answer.errors }).toEqual({ status: 200, errors: undefined });
      expect(answer.data?.people.totalCount).toBeGreaterThan(0);
    } finally {
      await running.close();
    }
  });
});
