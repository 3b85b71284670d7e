import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EX_CONFIG, runGatewayProcess, type ProcessEdges } from './process-entry.js';

function edges() {
  const seen = { errors: [] as string[], exits: [] as number[] };
  const io: ProcessEdges = {
    writeError: (line) => seen.errors.push(line),
    exit: (code) => seen.exits.push(code),
    onSignal: () => undefined,
  };
  return { seen, io };
}

describe('runGatewayProcess', () => {
  it('stops with one line naming the variable and exit code 78 when a value is wrong', async () => {
    const { seen, io } = edges();
    expect(await runGatewayProcess({ PORT: 'eighty' }, io)).toBeNull();
    expect(seen.errors).toEqual(['contact-gateway: configuration error: PORT must be an integer from 0 to 65535, but got: "eighty"\n']);
    expect(seen.exits).toEqual([EX_CONFIG]);
  });

  it('refuses a non-loopback HOST without client keys, saying why', async () => {
    const { seen, io } = edges();
    await runGatewayProcess({ HOST: '0.0.0.0' }, io);
    expect(seen.errors).toEqual([
      'contact-gateway: configuration error: HOST 0.0.0.0 is reachable from other machines, so GATEWAY_API_KEYS must be set; or bind HOST to 127.0.0.1\n',
    ]);
  });

  it('stops before starting anything when a connector variable is wrong, without echoing secrets', async () => {
    const { seen, io } = edges();
    await runGatewayProcess({ CIVICRM_URL: 'https://crm.example.org/civicrm/ajax/api4' }, io);
    expect(seen.errors).toEqual([
      'contact-gateway: configuration error: CIVICRM_API_KEY must be set when CIVICRM_URL is set, but got: nothing\n',
    ]);
    expect(seen.exits).toEqual([EX_CONFIG]);
  });

  it('stops with one line, not a stack trace, when PORT is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { seen, io } = edges();
      const env = { PORT: String(port), STORE_URL: 'memory://', CIVICRM_URL: 'http://127.0.0.1:9/civicrm/ajax/api4', CIVICRM_API_KEY: 'k' };
      expect(await runGatewayProcess(env, io)).toBeNull();
      expect(seen.errors).toEqual([`contact-gateway: configuration error: PORT ${port} is already in use on 127.0.0.1; set PORT to a free port (or HOST to another address)\n`]);
      expect(seen.exits).toEqual([EX_CONFIG]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
