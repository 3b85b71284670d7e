// `npm run simulators`: every CRM simulator on a fixed port, standalone, with its demo data, so a
// gateway (or curl) can be pointed at them exactly as at real CRMs.
import { CONNECTORS } from '../../connectors/registry.js';
import { createLogger } from '../logger.js';

const BASE_PORT = Number(process.env['SIMULATORS_BASE_PORT'] ?? 4101);
const logger = createLogger('silent');

const running = await Promise.all(CONNECTORS.map((c, i) => c.startDemo({ logger }, BASE_PORT + i)));
for (const [i, demo] of running.entries()) {
  console.log(`${CONNECTORS[i]!.system} simulator: ${demo.url}`);
}
console.log('\nPoint a gateway at them with:');
console.log(running.map((demo) => Object.entries(demo.env).map(([k, v]) => `${k}=${v}`).join(' ')).join(' \\\n  '), 'npm start');
const stop = () => {
  void Promise.all(running.map(async (demo) => {
    await demo.connector.close();
    await demo.stop();
  })).then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
