// What input validation needs to know besides the input itself.
import type { DateTime } from 'luxon';
import type { RegionCode } from '../../../connectors/phone-numbers.js';
import type { IdentityIndex } from '../../store/identity-index.js';

export interface InputRules {
  /** To check that organizationId, donorId and id name existing objects. */
  identity: IdentityIndex;
  /** Region of phone numbers given without a country code (when the input has no address country). */
  defaultPhoneRegion: RegionCode;
  now: () => DateTime;
}

/** A create gets every field (absent ones empty); a patch only the fields the input names. */
export type InputMode = 'create' | 'patch';
