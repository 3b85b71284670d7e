import { describe, expect, it } from 'vitest';
import type { PersonEntry } from './directory-snapshot.js';
import { searchPeople } from './person-search.js';
import { phoneDigitForms } from './phone-digits.js';

function person(id: string, displayName: string, emails: string[] = [], phones: string[] = []): PersonEntry {
  return {
    id,
    sortKey: displayName.toLowerCase(),
    displayName,
    emails: new Set(emails),
    phoneDigits: new Set(phones.flatMap(phoneDigitForms)),
    systems: new Set(['CIVICRM']),
    modifiedAt: null,
    organizationId: null,
  };
}

// In directory order (by sortKey), as the snapshot holds them.
const PEOPLE = [
  person('p0', 'Aaron Aardvark', ['nada@example.org']),
  person('p1', 'Ada Lovelace', ['ada@example.org'], ['+442071234567']),
  person('p2', 'Adam Smith', ['adam@example.org']),
  person('p3', 'Fred Redford', ['fred@example.org', 'ada.fan@example.net']),
  person('p4', 'José Ramírez', ['jose@example.mx'], ['+14155550132']),
  person('p5', 'Nada Ada', ['n@example.org']),
  person('p6', 'Red', ['someone@example.org']),
];
const ids = (query: string, limit = 20) => searchPeople(PEOPLE, query, limit).map((p) => p.id);

describe('searchPeople', () => {
  it('finds by name fragment, case-insensitively and ignoring accents', () => {
    expect(ids('LOVE')).toEqual(['p1']);
    expect(ids('jose ramirez')).toEqual(['p4']);
    expect(ids('amír')).toEqual(['p4']);
  });

  it('ranks an exact email first, then exact name, name prefix, word prefixes, then substrings', () => {
    // Name prefixes (p1, p2), a word prefix (p5), then emails containing it, in directory order.
    expect(ids('ada')).toEqual(['p1', 'p2', 'p5', 'p0', 'p3']);
    // p6 is named exactly "Red", p3 has a word starting with it.
    expect(ids('red')).toEqual(['p6', 'p3']);
    // The exact address outranks p0's "nada@example.org", which comes first in the directory.
    expect(ids('ADA@example.org')).toEqual(['p1', 'p0']);
    expect(ids('example.org')).toEqual(['p0', 'p1', 'p2', 'p3', 'p5', 'p6']);
  });

  it('finds a phone however it is written: national, international, 00-prefixed, partial', () => {
    expect(ids('020 7123 4567')).toEqual(['p1']);
    expect(ids('+44 20 7123 4567')).toEqual(['p1']);
    expect(ids('0044 20 7123 4567')).toEqual(['p1']);
    expect(ids('(415) 555-0132')).toEqual(['p4']);
    expect(ids('1-415-555-0132')).toEqual(['p4']);
    expect(ids('555-0132')).toEqual(['p4']);
    expect(ids('020 7123 9999')).toEqual([]);
  });

  it('returns at most `limit` people, and nothing for blank text', () => {
    expect(ids('example', 2)).toEqual(['p0', 'p1']);
    expect(ids('   ')).toEqual([]);
    expect(ids('nobody-like-this')).toEqual([]);
  });
});
