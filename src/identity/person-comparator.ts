// Scores how likely two person profiles are one person: a Fellegi–Sunter sum of evidence. Each field
// compared adds a weight — log2 of how much likelier its outcome is for one person than for two
// (an equal birth date is far likelier for the same person, an unequal email only a little less,
// since people keep several) — and a field missing on either side adds nothing. The sum becomes a
// score from 0 to 1 through a logistic curve centred on SCORE_MIDPOINT.
import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein.js';
import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import type { AddressKey } from './address-key.js';
import { areNicknames } from './nicknames.js';
import type { PersonProfile } from './person-profile.js';

/** The compared fields, by their unified names (externalIds: the configured custom fields). */
export type ComparedField = 'emails' | 'phones' | 'externalIds' | 'givenName' | 'familyName' | 'birthDate' | 'addresses';

export interface PersonComparison {
  /** 0 to 1: how sure the evidence makes us that both are one person. */
  score: number;
  /** Fields whose comparison spoke for one person, strongest first. */
  agreed: ComparedField[];
  /** Fields whose comparison spoke against, strongest first. */
  disagreed: ComparedField[];
  /**
   * Both have a given name and the two are unalike (not equal, not nicknames, not a typo apart) —
   * as for two people of one household, who share an email or a phone.
   */
  givenNamesConflict: boolean;
  /** The score without the evidence of shared emails and phones (which households share). */
  scoreWithoutContacts: number;
}

type NameLevel = 'exact' | 'close' | 'partial' | 'disagree';

/** log2 evidence per field outcome; tuned on FEBRL 4 (see test/bench/match.bench.ts). */
export const EVIDENCE = {
  emails: { agree: 24, disagree: -1 },
  phones: { agree: 20, disagree: -1 },
  externalIds: { agree: 22, near: 0, disagree: -8 },
  givenName: { exact: 6, close: 4, partial: 1, disagree: -5 } satisfies Record<NameLevel, number>,
  familyName: { exact: 7, close: 4.5, partial: 1, disagree: -6 } satisfies Record<NameLevel, number>,
  // Names that agree only once given and family name are swapped (a form filled in wrongly).
  swappedNamesPenalty: -2,
  // Strongly against: a father and son of one name at one address differ only here, and must stay
  // below the default sure threshold even when everything else agrees.
  birthDate: { exact: 11, near: 4, disagree: -9 },
  // An address is weighed as a whole: town and postcode say the same thing twice (the area), and
  // many people live in one area, so it counts little unless the street agrees too.
  area: { both: 4.5, one: 3.5, near: 1.5, disagree: -2 },
  street: { exact: 4, close: 2.5, disagree: -2 },
  houseNumber: { agree: 2, disagree: -1.5 },
  otherCountry: -4,
} as const;

/** The evidence at which the score is 0.5. */
export const SCORE_MIDPOINT = 14;

function nameLevel(a: string, b: string, nicknames: boolean): NameLevel | null {
  if (a === '' || b === '') return null;
  const compactA = a.replace(/ /g, '');
  const compactB = b.replace(/ /g, '');
  if (compactA === compactB) return 'exact';
  const firstA = a.split(' ')[0] ?? '';
  const firstB = b.split(' ')[0] ?? '';
  if (firstA === firstB || (nicknames && areNicknames(firstA, firstB))) return 'close';
  const similarity = jaroWinkler(compactA, compactB);
  if (similarity >= 0.92) return 'close';
  const initial = (x: string, y: string) => x.length === 1 && y.startsWith(x);
  if (similarity >= 0.8 || initial(firstA, firstB) || initial(firstB, firstA)) return 'partial';
  return 'disagree';
}

interface NameOutcome {
  weight: number;
  given: NameLevel | null;
  family: NameLevel | null;
}

function nameOutcome(a: PersonProfile, b: PersonProfile): NameOutcome {
  const given = nameLevel(a.givenName, b.givenName, true);
  const family = nameLevel(a.familyName, b.familyName, false);
  const straight = (given ? EVIDENCE.givenName[given] : 0) + (family ? EVIDENCE.familyName[family] : 0);
  // Swapped when one record has the other's given name as its family name (or the reverse); the
  // other name may then be misspelt or missing too.
  const swappedGiven = nameLevel(a.givenName, b.familyName, false);
  const swappedFamily = nameLevel(a.familyName, b.givenName, false);
  const close = (level: NameLevel | null) => level === 'exact' || level === 'close';
  if (close(swappedGiven) || close(swappedFamily)) {
    const swapped =
      (swappedGiven ? EVIDENCE.givenName[swappedGiven] : 0) + (swappedFamily ? EVIDENCE.familyName[swappedFamily] : 0) + EVIDENCE.swappedNamesPenalty;
    if (swapped > straight) return { weight: swapped, given: swappedGiven, family: swappedFamily };
  }
  return { weight: straight, given, family };
}

/** Weight of two sets of identifiers (emails, phones): any shared value is a match. */
function identifierWeight(a: readonly string[], b: readonly string[], evidence: { agree: number; disagree: number }): number {
  if (a.length === 0 || b.length === 0) return 0;
  return a.some((value) => b.includes(value)) ? evidence.agree : evidence.disagree;
}

function externalIdWeight(a: readonly string[], b: readonly string[]): number {
  let weight = 0;
  for (const idA of a) {
    const field = idA.slice(0, idA.indexOf('=') + 1);
    const idB = b.find((x) => x.startsWith(field));
    if (idB === undefined) continue;
    if (idA === idB) return EVIDENCE.externalIds.agree;
    // One typo apart: more likely a data-entry slip than another person's id; no evidence either way.
    weight += damerauLevenshtein(idA, idB) <= 1 ? EVIDENCE.externalIds.near : EVIDENCE.externalIds.disagree;
  }
  return weight;
}

function birthDateWeight(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return EVIDENCE.birthDate.exact;
  const dayMonthSwapped = a.length === 8 && a.slice(0, 4) === b.slice(0, 4) && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6);
  return dayMonthSwapped || damerauLevenshtein(a, b) <= 1 ? EVIDENCE.birthDate.near : EVIDENCE.birthDate.disagree;
}

type Agreement = 'exact' | 'near' | 'disagree' | null;

function textAgreement(a: string, b: string): Agreement {
  if (a === '' || b === '') return null;
  return a === b ? 'exact' : jaroWinkler(a, b) >= 0.9 ? 'near' : 'disagree';
}

function postcodeAgreement(a: string, b: string): Agreement {
  if (a === '' || b === '') return null;
  return a === b ? 'exact' : damerauLevenshtein(a, b) <= 1 ? 'near' : 'disagree';
}

/** The best agreement of any line of one address with any line of the other, spaces aside. */
function streetAgreement(a: readonly string[], b: readonly string[]): Agreement {
  let best: Agreement = null;
  for (const x of a) {
    for (const y of b) {
      const level = textAgreement(x.replace(/ /g, ''), y.replace(/ /g, ''));
      if (level === 'exact') return level;
      if (level === 'near' || best === null) best = level;
    }
  }
  return best;
}

function areaWeight(locality: Agreement, postcode: Agreement): number {
  const levels = [locality, postcode].filter((l): l is NonNullable<Agreement> => l !== null);
  const exact = levels.filter((l) => l === 'exact').length;
  if (exact === 2) return EVIDENCE.area.both;
  if (exact === 1) return levels.includes('disagree') ? EVIDENCE.area.near : EVIDENCE.area.one;
  if (levels.includes('near')) return EVIDENCE.area.near;
  return levels.length > 0 ? EVIDENCE.area.disagree : 0;
}

function addressPairWeight(a: AddressKey, b: AddressKey): number {
  if (a.country !== '' && b.country !== '' && a.country !== b.country) return EVIDENCE.otherCountry;
  let weight = areaWeight(textAgreement(a.locality, b.locality), postcodeAgreement(a.postalCode, b.postalCode));
  const street = streetAgreement(a.lines, b.lines);
  if (street) weight += EVIDENCE.street[street === 'near' ? 'close' : street];
  if (a.number !== '' && b.number !== '') weight += a.number === b.number ? EVIDENCE.houseNumber.agree : EVIDENCE.houseNumber.disagree;
  return weight;
}

/** The best-agreeing pair of addresses: people keep old addresses next to new ones. */
function addressWeight(a: readonly AddressKey[], b: readonly AddressKey[]): number {
  let best: number | null = null;
  for (const x of a) for (const y of b) best = Math.max(best ?? -Infinity, addressPairWeight(x, y));
  return best ?? 0;
}

function scoreOf(evidence: number): number {
  return 1 / (1 + 2 ** (SCORE_MIDPOINT - evidence));
}

export function comparePeople(a: PersonProfile, b: PersonProfile): PersonComparison {
  const names = nameOutcome(a, b);
  const nameWeight = (level: NameLevel | null, table: Record<NameLevel, number>) => (level ? table[level] : 0);
  const weights: [ComparedField, number][] = [
    ['emails', identifierWeight(a.emails, b.emails, EVIDENCE.emails)],
    ['phones', identifierWeight(a.phones, b.phones, EVIDENCE.phones)],
    ['externalIds', externalIdWeight(a.externalIds, b.externalIds)],
    ['givenName', nameWeight(names.given, EVIDENCE.givenName)],
    ['familyName', nameWeight(names.family, EVIDENCE.familyName)],
    ['birthDate', birthDateWeight(a.birthDate, b.birthDate)],
    ['addresses', addressWeight(a.addresses, b.addresses)],
  ];
  // The names' total may include the swap penalty, which belongs to neither name alone.
  const total = weights.reduce((sum, [, w]) => sum + w, 0) - nameWeight(names.given, EVIDENCE.givenName) - nameWeight(names.family, EVIDENCE.familyName) + names.weight;
  const contacts = weights.filter(([field]) => field === 'emails' || field === 'phones').reduce((sum, [, w]) => sum + w, 0);
  const byStrength = [...weights].sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  return {
    score: scoreOf(total),
    scoreWithoutContacts: scoreOf(total - contacts),
    agreed: byStrength.filter(([, w]) => w > 0).map(([field]) => field),
    disagreed: byStrength.filter(([, w]) => w < 0).map(([field]) => field),
    givenNamesConflict: names.given === 'disagree',
  };
}
