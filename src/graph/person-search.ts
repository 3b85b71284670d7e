// Ranks the directory's people against a free-text search (name, email or phone), best first.
import type { PersonEntry } from './directory-snapshot.js';
import { queryPhoneDigits } from './phone-digits.js';

/** Lower rank = better match; people who match none of these are left out. */
const Rank = { ExactContact: 0, ExactName: 1, NamePrefix: 2, WordPrefixes: 3, Substring: 4 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

/** Case- and accent-insensitive text, so "jose" finds "José". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

function rankOf(person: PersonEntry, text: string, words: readonly string[], email: string, phone: string | null): Rank | null {
  if (person.emails.has(email) || (phone !== null && person.phoneDigits.has(phone))) return Rank.ExactContact;
  const name = fold(person.displayName);
  if (name === text) return Rank.ExactName;
  if (name.startsWith(text)) return Rank.NamePrefix;
  const nameWords = name.split(' ');
  if (words.every((w) => nameWords.some((n) => n.startsWith(w)))) return Rank.WordPrefixes;
  if (name.includes(text)) return Rank.Substring;
  for (const address of person.emails) if (address.includes(email)) return Rank.Substring;
  if (phone !== null) for (const digits of person.phoneDigits) if (digits.includes(phone)) return Rank.Substring;
  return null;
}

/**
 * At most `limit` people matching `query`: an exact email or phone first, then an exact name, a
 * name starting with the text, names with a word starting with each typed word, and finally any
 * name, email or phone containing it. Within a rank, people keep the directory's order (by name).
 */
export function searchPeople(people: readonly PersonEntry[], query: string, limit: number): PersonEntry[] {
  const text = fold(query);
  if (text === '' || limit <= 0) return [];
  const words = text.split(' ');
  const email = query.trim().toLowerCase();
  const phone = queryPhoneDigits(query.trim());
  const ranked: { person: PersonEntry; rank: Rank }[] = [];
  for (const person of people) {
    const rank = rankOf(person, text, words, email, phone);
    if (rank !== null) ranked.push({ person, rank });
  }
  // Array.prototype.sort is stable, so equal ranks stay in directory order.
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.person);
}
