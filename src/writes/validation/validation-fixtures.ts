// Shared set-up for the input validation tests: an identity index with one person and one organization.
import Keyv from 'keyv';
import { DateTime } from 'luxon';
import { IdentityIndex } from '../../store/identity-index.js';
import type { InputRules } from './input-rules.js';

export interface ValidationFixture {
  rules: InputRules;
  personId: string;
  organizationId: string;
}

export async function validationFixture(): Promise<ValidationFixture> {
  const identity = await IdentityIndex.load(new Keyv({ store: new Map(), throwOnErrors: true }), (async function* () {})());
  const personId = await identity.linkNew('PERSON', 'CIVICRM', '1');
  const organizationId = await identity.linkNew('ORGANIZATION', 'CIVICRM', '2');
  const now = DateTime.fromISO('2026-03-01T09:30:00.000Z', { zone: 'utc' });
  return { rules: { identity, defaultPhoneRegion: 'US', now: () => now }, personId, organizationId };
}
