// Checks and normalises the emails, phones and postal addresses of a person or organization input.
import { z } from 'zod';
import { parseToE164, regionFor, type RegionCode } from '../../../connectors/phone-numbers.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { EmailAddress, PhoneNumber, PostalAddress } from '../../model/contact-points.js';
import type { AddressInputShape, EmailInputShape, PhoneInputShape } from '../inputs.js';
import { invalidInput } from './input-error.js';
import { isCountryCode } from './standard-codes.js';

const EMAIL = z.email();

/** Trimmed text, or null when blank. */
export function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The index of the primary item: the one marked primary, else the first. Two marked primary is
 * the caller's mistake, named at the second.
 */
function primaryIndex(items: readonly { primary?: boolean | null | undefined }[], path: string): number {
  const marked = items.flatMap((item, i) => (item.primary === true ? [i] : []));
  if (marked.length > 1) {
    const field = `${path}[${marked[1]}].primary`;
    throw GatewayError.badInput(field, `${field} must be true for at most one item of ${path}, but ${path}[${marked[0]}].primary is true too`);
  }
  return marked[0] ?? 0;
}

export function emailsFrom(inputs: readonly EmailInputShape[], path: string): EmailAddress[] {
  const seen = new Map<string, number>();
  const primary = primaryIndex(inputs, path);
  return inputs.map((input, i) => {
    const address = input.address.trim();
    if (!EMAIL.safeParse(address).success) throw invalidInput(`${path}[${i}].address`, 'an email address such as "ada@example.org"', input.address);
    const key = address.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) throw invalidInput(`${path}[${i}].address`, `an address not listed before (it repeats ${path}[${earlier}].address)`, input.address);
    seen.set(key, i);
    return { address, primary: i === primary, status: input.status ?? 'SUBSCRIBED' };
  });
}

/**
 * Numbers are stored in E.164. One written without a country code is read in the region of the
 * input's primary address when that has a country, else in `defaultRegion`.
 */
export function phonesFrom(inputs: readonly PhoneInputShape[], path: string, region: RegionCode): PhoneNumber[] {
  const seen = new Map<string, number>();
  const primary = primaryIndex(inputs, path);
  return inputs.map((input, i) => {
    const number = parseToE164(input.number, region);
    if (number === null) {
      throw invalidInput(`${path}[${i}].number`, `a phone number with a country code ("+44 20 7123 4567"), or a national number of ${region}`, input.number);
    }
    const earlier = seen.get(number);
    if (earlier !== undefined) throw invalidInput(`${path}[${i}].number`, `a number not listed before (it repeats ${path}[${earlier}].number)`, input.number);
    seen.set(number, i);
    return { number, kind: input.kind ?? 'OTHER', primary: i === primary };
  });
}

export function addressesFrom(inputs: readonly AddressInputShape[], path: string): PostalAddress[] {
  const primary = primaryIndex(inputs, path);
  return inputs.map((input, i) => {
    const lines = (input.lines ?? []).map((line) => line.trim()).filter((line) => line !== '');
    const country = optionalText(input.country)?.toUpperCase() ?? null;
    if (country !== null && !isCountryCode(country)) {
      throw invalidInput(`${path}[${i}].country`, 'an ISO 3166-1 alpha-2 country code such as "GB"', input.country);
    }
    const address: PostalAddress = {
      lines,
      locality: optionalText(input.locality),
      region: optionalText(input.region),
      postalCode: optionalText(input.postalCode),
      country,
      primary: i === primary,
    };
    if (lines.length === 0 && address.locality === null && address.region === null && address.postalCode === null && country === null) {
      throw invalidInput(`${path}[${i}]`, 'an address with at least one of lines, locality, region, postalCode or country', input);
    }
    return address;
  });
}

/** The region national phone numbers of this input are read in (see phonesFrom). */
export function phoneRegionOf(addresses: readonly PostalAddress[] | undefined, defaultRegion: RegionCode): RegionCode {
  return regionFor(addresses?.find((a) => a.primary)?.country, defaultRegion);
}
