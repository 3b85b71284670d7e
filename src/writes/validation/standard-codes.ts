// The ISO code lists inputs are checked against: countries (3166-1 alpha-2), languages (639-1), currencies (4217).
import ISO6391 from 'iso-639-1';

// Codes ICU names that are not assigned ISO 3166-1 alpha-2 countries: withdrawn ones (AN, BU, CS,
// DD, FX, SU, TP, YU, ZR, …), exceptional reservations (AC, CP, DG, EA, EU, EZ, IC, TA, UK, UN),
// and user-assigned ones (QO, XA, XB, XK, ZZ). What remains is the 249 assigned codes.
const NOT_ASSIGNED = new Set('AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '));

const COUNTRIES: ReadonlySet<string> = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes = new Set<string>();
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      const name = names.of(code);
      if (name !== undefined && name !== code && !NOT_ASSIGNED.has(code)) codes.add(code);
    }
  }
  return codes;
})();

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** ISO 3166-1 alpha-2, upper case ("GB"). */
export function isCountryCode(value: string): boolean {
  return COUNTRIES.has(value);
}

/** ISO 639-1, lower case ("en"). */
export function isLanguageCode(value: string): boolean {
  return ISO6391.validate(value);
}

/** ISO 4217 codes in use, upper case ("EUR"). */
export function isCurrencyCode(value: string): boolean {
  return CURRENCIES.has(value);
}
