// Normalises the phone numbers CRMs hold (any national or international spelling) to E.164.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** ISO 3166-1 alpha-2, upper case, e.g. "US". */
export type RegionCode = CountryCode;

/**
 * E.164 ("+14155550132") for a number libphonenumber reads as a possible number, using
 * `defaultRegion` for numbers written without a country code; otherwise the original string,
 * trimmed, so nothing a CRM holds is lost to normalisation.
 */
export function toE164(raw: string, defaultRegion: RegionCode | null): string {
  return parseToE164(raw, defaultRegion) ?? raw.trim();
}

/** E.164 for a number libphonenumber reads as a possible number (see toE164), otherwise null. */
export function parseToE164(raw: string, defaultRegion: RegionCode | null): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  // "Possible" (a plausible length for the region) rather than "valid": CRMs hold many fictional
  // or newly assigned numbers, and a validity check would leave those in their national spelling.
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion ?? undefined);
  return parsed !== undefined && parsed.isPossible() ? parsed.number : null;
}

/** Whether `value` is a region libphonenumber knows, e.g. to validate a default-region setting. */
export function isRegionCode(value: string): value is RegionCode {
  return /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
}

/** The region to read a national number with: the address's country when libphonenumber knows it. */
export function regionFor(country: string | null | undefined, fallback: RegionCode): RegionCode {
  const upper = country?.toUpperCase();
  return upper !== undefined && isRegionCode(upper) ? upper : fallback;
}
