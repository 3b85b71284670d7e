// Validates a PersonInput into unified person data: the whole person for a create, the named fields for a patch.
import type { UnifiedPerson } from '../../model/entities.js';
import type { PersonInputShape } from '../inputs.js';
import { addressesFrom, emailsFrom, optionalText, phoneRegionOf, phonesFrom } from './contact-point-rules.js';
import { invalidInput } from './input-error.js';
import type { InputMode, InputRules } from './input-rules.js';
import { knownId } from './known-ids.js';
import { isLanguageCode } from './standard-codes.js';

const EMPTY_PERSON: UnifiedPerson = {
  givenName: null,
  familyName: null,
  emails: [],
  phones: [],
  addresses: [],
  languages: [],
  birthDate: null,
  tags: [],
  customFields: null,
  organizationRef: null,
};

/**
 * Unified person data with `organizationRef` holding the organization's UNIFIED id (each system's
 * remote id is looked up when the write is sent). Throws BAD_USER_INPUT naming the first wrong field.
 */
export function personFromInput(input: PersonInputShape, mode: 'create', rules: InputRules, path?: string): UnifiedPerson;
export function personFromInput(input: PersonInputShape, mode: InputMode, rules: InputRules, path?: string): Partial<UnifiedPerson>;
export function personFromInput(input: PersonInputShape, mode: InputMode, rules: InputRules, path = 'input'): Partial<UnifiedPerson> {
  const out: Partial<UnifiedPerson> = {};
  if (input.givenName !== undefined) out.givenName = optionalText(input.givenName);
  if (input.familyName !== undefined) out.familyName = optionalText(input.familyName);
  if (input.addresses !== undefined) out.addresses = addressesFrom(input.addresses ?? [], `${path}.addresses`);
  if (input.emails !== undefined) out.emails = emailsFrom(input.emails ?? [], `${path}.emails`);
  if (input.phones !== undefined) out.phones = phonesFrom(input.phones ?? [], `${path}.phones`, phoneRegionOf(out.addresses, rules.defaultPhoneRegion));
  if (input.languages !== undefined) out.languages = languagesFrom(input.languages ?? [], `${path}.languages`);
  if (input.birthDate !== undefined) out.birthDate = birthDateFrom(input.birthDate, `${path}.birthDate`, rules);
  if (input.tags !== undefined) out.tags = [...new Set((input.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  if (input.customFields !== undefined) out.customFields = customFieldsFrom(input.customFields, `${path}.customFields`);
  if (input.organizationId !== undefined) {
    out.organizationRef = input.organizationId === null ? null : knownId(rules.identity, input.organizationId, 'ORGANIZATION', `${path}.organizationId`);
  }

  if (mode === 'patch') {
    if (Object.keys(out).length === 0) throw invalidInput(path, 'a patch naming at least one field to change', input);
    return out;
  }
  const person = { ...EMPTY_PERSON, ...out };
  if (person.givenName === null && person.familyName === null && person.emails.length === 0 && person.phones.length === 0) {
    throw invalidInput(path, 'a person with at least one of givenName, familyName, emails or phones', input);
  }
  return person;
}

function languagesFrom(inputs: readonly string[], path: string): string[] {
  return [
    ...new Set(
      inputs.map((given, i) => {
        const code = given.trim().toLowerCase();
        if (!isLanguageCode(code)) throw invalidInput(`${path}[${i}]`, 'an ISO 639-1 language code such as "en"', given);
        return code;
      }),
    ),
  ];
}

function birthDateFrom(value: string | null, path: string, rules: InputRules): string | null {
  // The Date scalar has checked the format already.
  if (value !== null && value > (rules.now().toISODate() ?? '')) throw invalidInput(path, 'a date that is not in the future', value);
  return value;
}

function customFieldsFrom(value: unknown, path: string): Record<string, unknown> | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidInput(path, 'a JSON object of field names to values', value);
  return value as Record<string, unknown>;
}
