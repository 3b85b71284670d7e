// Validates an OrganizationInput into unified organization data (whole for a create, named fields for a patch).
import type { UnifiedOrganization } from '../../model/entities.js';
import type { OrganizationInputShape } from '../inputs.js';
import { addressesFrom, emailsFrom, optionalText, phoneRegionOf, phonesFrom } from './contact-point-rules.js';
import { invalidInput } from './input-error.js';
import type { InputMode, InputRules } from './input-rules.js';

/** Throws BAD_USER_INPUT naming the first wrong field. */
export function organizationFromInput(input: OrganizationInputShape, mode: 'create', rules: InputRules, path?: string): UnifiedOrganization;
export function organizationFromInput(input: OrganizationInputShape, mode: InputMode, rules: InputRules, path?: string): Partial<UnifiedOrganization>;
export function organizationFromInput(input: OrganizationInputShape, mode: InputMode, rules: InputRules, path = 'input'): Partial<UnifiedOrganization> {
  const name = optionalText(input.name);
  if (name === null) throw invalidInput(`${path}.name`, 'a non-blank name', input.name);
  const out: Partial<UnifiedOrganization> = { name };
  if (input.website !== undefined) out.website = websiteFrom(input.website, `${path}.website`);
  if (input.addresses !== undefined) out.addresses = addressesFrom(input.addresses ?? [], `${path}.addresses`);
  if (input.emails !== undefined) out.emails = emailsFrom(input.emails ?? [], `${path}.emails`);
  if (input.phones !== undefined) out.phones = phonesFrom(input.phones ?? [], `${path}.phones`, phoneRegionOf(out.addresses, rules.defaultPhoneRegion));
  return mode === 'patch' ? out : { website: null, emails: [], phones: [], addresses: [], ...out, name };
}

/** An http(s) URL or a bare domain ("example.org"), kept as given (trimmed). */
function websiteFrom(value: string | null, path: string): string | null {
  const text = optionalText(value);
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    url = null;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || !/^[^.]+(\.[^.]+)+$/.test(url.hostname)) {
    throw invalidInput(path, 'a web address such as "https://example.org" or "example.org"', value);
  }
  return text;
}
