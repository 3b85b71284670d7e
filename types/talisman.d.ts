// Types for the talisman modules the twin matcher imports (talisman ships none). Each module is
// CommonJS whose module.exports is the function, so a default import gives it.

declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro-Winkler similarity of two strings, from 0 (nothing shared) to 1 (equal). */
  export default function jaroWinkler(a: string, b: string): number;
}

declare module 'talisman/metrics/damerau-levenshtein.js' {
  /** Edits (insertions, deletions, substitutions, adjacent transpositions) turning a into b. */
  export default function damerauLevenshtein(a: string, b: string): number;
}

declare module 'talisman/phonetics/double-metaphone.js' {
  /** The primary and alternate Double Metaphone codes (up to 4 letters each) of a word. */
  export default function doubleMetaphone(word: string): [string, string];
}
