import { beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationInputShape } from '../inputs.js';
import { organizationFromInput } from './organization-input.js';
import { validationFixture, type ValidationFixture } from './validation-fixtures.js';

let fx: ValidationFixture;
beforeAll(async () => {
  fx = await validationFixture();
});

describe('organizationFromInput', () => {
  it('fills a new organization and keeps a patch to the named fields (name always)', () => {
    expect(organizationFromInput({ name: ' Analytical Engines ', website: 'engines.example' }, 'create', fx.rules)).toEqual({
      name: 'Analytical Engines',
      website: 'engines.example',
      emails: [],
      phones: [],
      addresses: [],
    });
    expect(organizationFromInput({ name: 'AE', phones: [{ number: '+1 415 555 0100' }] }, 'patch', fx.rules)).toEqual({
      name: 'AE',
      phones: [{ number: '+14155550100', kind: 'OTHER', primary: true }],
    });
  });

  it.each([
    [{ name: '  ' }, 'input.name', 'input.name must be a non-blank name, but got: "  "'],
    [{ name: 'AE', website: 'not a site' }, 'input.website', 'input.website must be a web address such as "https://example.org" or "example.org", but got: "not a site"'],
    [{ name: 'AE', website: 'ftp://files.example.org' }, 'input.website', 'input.website must be a web address such as "https://example.org" or "example.org", but got: "ftp://files.example.org"'],
    [{ name: 'AE', emails: [{ address: 'info@@example.org' }] }, 'input.emails[0].address', 'input.emails[0].address must be an email address such as "ada@example.org", but got: "info@@example.org"'],
  ] as [OrganizationInputShape, string, string][])('rejects %j naming %s', (input, argument, message) => {
    expect(() => organizationFromInput(input, 'create', fx.rules)).toThrowError(expect.objectContaining({ code: 'BAD_USER_INPUT', argument, message }));
  });
});
