// A gateway that cannot start (its port is taken) releases what it had opened, so a process that
// embeds it, or the next start, finds the store closed cleanly.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerConnector } from '../../connectors/registered-connector.js';
import { createLogger } from '../../src/logger.js';
import { startFromEnv } from '../../src/startup.js';
import { MemoryConnector } from '../support/memory-connector.js';

describe('a failed start', () => {
  it('closes the store it opened (SQLite checkpoints and removes its write-ahead log)', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const dir = mkdtempSync(join(tmpdir(), 'gateway-failed-start-'));
    const memory = registerConnector({
      system: 'CIVICRM',
      variables: {},
      defaultReadMaxAgeMs: 0,
      readConfig: (env) => (env['MEMORY_CRM'] ? {} : null),
      create: () => new MemoryConnector({ system: 'CIVICRM' }),
      startDemo: () => Promise.reject(new Error('no demo in this test')),
    });
    try {
      const env = { PORT: String(port), STORE_URL: `sqlite://${join(dir, 'state.sqlite')}`, MEMORY_CRM: '1' };
      await expect(startFromEnv(env, { logger: createLogger('silent'), connectors: [memory] })).rejects.toThrow(/EADDRINUSE/);
      expect(existsSync(join(dir, 'state.sqlite'))).toBe(true);
      expect(existsSync(join(dir, 'state.sqlite-wal'))).toBe(false);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
