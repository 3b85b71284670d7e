// The two scores that split the twin matcher's decisions: link, hold for review, or leave apart.
export interface MatchThresholds {
  /** At or above: linked automatically (unless held back for another reason). */
  sure: number;
  /** At or above (and below sure): kept as a match candidate for a person to confirm or reject. */
  maybe: number;
}

/**
 * On FEBRL 4 (test/bench/match.bench.ts) every threshold from 0.5 to 0.99 keeps precision at 1.0;
 * sure is 0.9 for the pairs FEBRL lacks: a father and son of one name at one address, or two
 * people of one name on different streets of one postcode, score between 0.5 and 0.9 and are held
 * for review. Maybe is 0.5, where the evidence for and against is even.
 */
export const DEFAULT_MATCH_THRESHOLDS: MatchThresholds = { sure: 0.9, maybe: 0.5 };
