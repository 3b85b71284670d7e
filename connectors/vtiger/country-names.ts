// Vtiger keeps countries as free text ("United States", "Germany", sometimes "DE"): read either, write the name.

const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * The current code for a two-letter code, or null when Intl does not know it. Intl also names
 * withdrawn and reserved codes ("UK", "DD", "SU") after the country that replaced them, so a
 * name must map to the code CLDR canonicalises to, not whichever alias comes last.
 */
function canonicalCode(code: string): string | null {
  const upper = code.toUpperCase();
  if (upper === 'ZZ' || englishNames.of(upper) === upper) return null;
  return new Intl.Locale(`und-${upper}`).region ?? null;
}

/** Lower-cased English name → ISO 3166-1 alpha-2, built once from every two-letter code Intl names. */
const CODE_BY_NAME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (canonicalCode(code) !== code) continue;
      map.set(englishNames.of(code)!.toLowerCase(), code);
    }
  }
  // Spellings CRMs commonly hold that differ from Intl's names.
  for (const [name, code] of [['usa', 'US'], ['united states of america', 'US'], ['great britain', 'GB'], ['england', 'GB']] as const) {
    map.set(name, code);
  }
  return map;
})();

/** "Germany", "germany", "DE" or "DD" → "DE"; null when empty or not recognised. */
export function countryToCode(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const code = /^[A-Za-z]{2}$/.test(trimmed) ? canonicalCode(trimmed) : null;
  return code ?? CODE_BY_NAME.get(trimmed.toLowerCase()) ?? null;
}

/** "DE" → "Germany", the way a person using Vtiger's screens would type it; unknown codes stay as they are. */
export function codeToCountry(code: string): string {
  const name = englishNames.of(code.toUpperCase());
  return name ?? code;
}
