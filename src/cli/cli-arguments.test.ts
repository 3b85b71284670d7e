import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error.js';
import { parseCliArguments } from './cli-arguments.js';

function mistake(argv: string[]): { argument: string | undefined; message: string } {
  try {
    parseCliArguments(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(GatewayError);
    const { code, argument, message } = err as GatewayError;
    expect(code).toBe('BAD_USER_INPUT');
    return { argument, message };
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('parseCliArguments', () => {
  it('reads sync with its scope, forgiving case and dashes in the names', () => {
    expect(parseCliArguments(['sync', '--once', '--system', 'VTIGER', '--entity=PERSON'])).toEqual({ name: 'sync', once: true, scope: { system: 'VTIGER', entity: 'PERSON' } });
    expect(parseCliArguments(['sync', '--system', 'action-network'])).toEqual({ name: 'sync', once: false, scope: { system: 'ACTION_NETWORK' } });
  });

  it('reads status and --json', () => {
    expect(parseCliArguments(['status'])).toEqual({ name: 'status', json: false });
    expect(parseCliArguments(['status', '--json'])).toEqual({ name: 'status', json: true });
  });

  it('takes no command, help, --help and -h anywhere as a request for usage', () => {
    for (const argv of [[], ['help'], ['--help'], ['sync', '-h'], ['status', '--json', '--help']]) expect(parseCliArguments(argv)).toEqual({ name: 'help' });
  });

  it('names what was wrong', () => {
    expect(mistake(['launch'])).toEqual({ argument: 'command', message: 'unknown command "launch"; the commands are sync, status and help' });
    expect(mistake(['sync', '--system', 'FOO'])).toEqual({ argument: '--system', message: '--system must be one of CIVICRM, ACTION_NETWORK, VTIGER, but got: "FOO"' });
    expect(mistake(['sync', '--entity', 'EVENT'])).toEqual({ argument: '--entity', message: '--entity must be one of PERSON, ORGANIZATION, DONATION, but got: "EVENT"' });
    expect(mistake(['sync', '--system'])).toEqual({ argument: '--system', message: '--system needs a value' });
    expect(mistake(['sync', '--once=yes'])).toEqual({ argument: '--once', message: '--once takes no value, but got: "yes"' });
    expect(mistake(['status', '--once'])).toEqual({ argument: '--once', message: 'status has no option --once' });
    expect(mistake(['sync', '--force'])).toEqual({ argument: '--force', message: 'sync has no option --force' });
    expect(mistake(['status', 'now'])).toEqual({ argument: 'command', message: 'status takes no argument "now"' });
  });

  it('does not take the next option for a missing value', () => {
    expect(mistake(['sync', '--system', '--once']).message).toBe('--system must be one of CIVICRM, ACTION_NETWORK, VTIGER, but got: "--once"');
  });
});
