// Reads the command line into one command; a mistake is a BAD_USER_INPUT GatewayError naming the
// option or argument, which the CLI turns into one line and exit code 64.
import { parseArgs } from 'node:util';
import { GatewayError } from '../errors/gateway-error.js';
import { ENTITY_TYPES, SYSTEMS, type EntityType, type System } from '../model/system.js';
import type { SyncScope } from '../sync/sync-service.js';

export type CliCommand =
  | { name: 'help' }
  | { name: 'sync'; once: boolean; scope: SyncScope }
  | { name: 'status'; json: boolean };

const OPTIONS = {
  once: { type: 'boolean' },
  system: { type: 'string' },
  entity: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Which options each command takes; --help goes with all of them. */
const COMMAND_OPTIONS: Readonly<Record<CliCommand['name'], readonly OptionName[]>> = {
  help: [],
  sync: ['once', 'system', 'entity'],
  status: ['json'],
};

export function parseCliArguments(argv: readonly string[]): CliCommand {
  // Not strict: node's own messages for unknown options run to several sentences; ours name the
  // option in one line.
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positionals = tokens.filter((t) => t.kind === 'positional').map((t) => t.value);
  const options = tokens.filter((t) => t.kind === 'option');
  if (options.some((o) => o.name === 'help')) return { name: 'help' };
  const [name = 'help', extra] = positionals;
  if (!isCommandName(name)) throw GatewayError.badInput('command', `unknown command "${name}"; the commands are sync, status and help`);
  if (extra !== undefined) throw GatewayError.badInput('command', `${name} takes no argument "${extra}"`);

  const values: Partial<Record<OptionName, string | true>> = {};
  for (const option of options) {
    const known = (COMMAND_OPTIONS[name] as readonly string[]).includes(option.name);
    if (!known) throw GatewayError.badInput(option.rawName, `${name} has no option ${option.rawName}`);
    const spec = OPTIONS[option.name as OptionName];
    if (spec.type === 'boolean' && option.value !== undefined) throw GatewayError.badInput(option.rawName, `${option.rawName} takes no value, but got: "${option.value}"`);
    if (spec.type === 'string' && option.value === undefined) throw GatewayError.badInput(option.rawName, `${option.rawName} needs a value`);
    values[option.name as OptionName] = option.value ?? true;
  }

  switch (name) {
    case 'help':
      return { name };
    case 'status':
      return { name, json: values.json === true };
    case 'sync': {
      const scope: SyncScope = {};
      if (typeof values.system === 'string') scope.system = oneOf<System>('--system', values.system, SYSTEMS);
      if (typeof values.entity === 'string') scope.entity = oneOf<EntityType>('--entity', values.entity, ENTITY_TYPES);
      return { name, once: values.once === true, scope };
    }
  }
}

function isCommandName(name: string): name is CliCommand['name'] {
  return Object.hasOwn(COMMAND_OPTIONS, name);
}

/** Case and dashes are forgiven (`--system action-network`): the names are the GraphQL enum values. */
function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const name = value.toUpperCase().replaceAll('-', '_');
  if ((allowed as readonly string[]).includes(name)) return name as T;
  throw GatewayError.badInput(option, `${option} must be one of ${allowed.join(', ')}, but got: "${value}"`);
}
