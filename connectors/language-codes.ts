// Converts between the locales CRMs store ("en_US", "pt-BR") and ISO 639-1 language codes ("en").

/**
 * The locale a CRM most likely offers for a language, where it is not simply "xx_XX" (de → de_DE).
 * These follow the locales CiviCRM ships translations for.
 */
const DEFAULT_LOCALE: Readonly<Record<string, string>> = {
  en: 'en_US', ar: 'ar_EG', ca: 'ca_ES', cs: 'cs_CZ', da: 'da_DK', el: 'el_GR', he: 'he_IL', hi: 'hi_IN',
  ja: 'ja_JP', ko: 'ko_KR', nb: 'nb_NO', pt: 'pt_BR', sv: 'sv_SE', uk: 'uk_UA', vi: 'vi_VN', zh: 'zh_CN',
  et: 'et_EE', fa: 'fa_IR', ga: 'ga_IE', sq: 'sq_AL', sl: 'sl_SI', sr: 'sr_RS', eu: 'eu_ES', gl: 'gl_ES',
};

/** "en_US", "en-us" or "en" → "en"; null when the value does not start with a two-letter language. */
export function localeToLanguage(locale: string | null | undefined): string | null {
  const match = /^([a-zA-Z]{2})(?:[_-][a-zA-Z0-9]+)?$/.exec(locale?.trim() ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** "en" → "en_US", "de" → "de_DE"; a value that already is a locale is returned in "xx_YY" form. */
export function languageToLocale(language: string): string {
  const match = /^([a-zA-Z]{2})(?:[_-]([a-zA-Z]{2}))?$/.exec(language.trim());
  if (!match?.[1]) return language.trim();
  const lang = match[1].toLowerCase();
  if (match[2]) return `${lang}_${match[2].toUpperCase()}`;
  return DEFAULT_LOCALE[lang] ?? `${lang}_${lang.toUpperCase()}`;
}
