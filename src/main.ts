// Process entry: `npm start`.
import { runGatewayProcess } from './process-entry.js';

await runGatewayProcess(process.env, {
  writeError: (line) => process.stderr.write(line),
  exit: (code) => process.exit(code),
  onSignal: (signal, handler) => process.once(signal, handler),
});
