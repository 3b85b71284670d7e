// Vtiger keeps countries as free text ("United States", "Germany", sometimes "DE"): read either, write the name.

const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Lower-cased English name → ISO 3166-1 alpha-2, built once from every two-letter code Intl names. */
const CODE_BY_NAME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      const name = englishNames.of(code);
      if (name && name !== code && code !== 'ZZ') map.set(name.toLowerCase(), code);
    }
  }
  // Spellings CRMs commonly hold that differ from Intl's names.
  for (const [name, code] of [['usa', 'US'], ['united states of america', 'US'], ['uk', 'GB'], ['great britain', 'GB'], ['england', 'GB']] as const) {
    map.set(name, code);
  }
  return map;
})();

/** "Germany", "germany" or "DE" → "DE"; null when empty or not recognised. */
export function countryToCode(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^[A-Za-z]{2}$/.test(trimmed) && englishNames.of(trimmed.toUpperCase()) !== trimmed.toUpperCase()) {
    return trimmed.toUpperCase();
  }
  return CODE_BY_NAME.get(trimmed.toLowerCase()) ?? null;
}

/** "DE" → "Germany", the way a person using Vtiger's screens would type it; unknown codes stay as they are. */
export function codeToCountry(code: string): string {
  const name = englishNames.of(code.toUpperCase());
  return name ?? code;
}
