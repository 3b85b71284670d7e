// Folds free text (names, streets, towns) to the form the twin matcher compares: what people type
// differently for the same thing — case, accents, punctuation, spacing — is taken out.

/**
 * Lower case without accents ("Zoë Ångström" → "zoe angstrom"); apostrophes vanish so that
 * "O'Connor", "O’Connor" and "OConnor" agree; any other run of punctuation or spaces becomes one
 * space ("Marie-Claire" → "marie claire"). Letters without a decomposition (ø, ß, 李) are kept.
 */
export function foldText(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
