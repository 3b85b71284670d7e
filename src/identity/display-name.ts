// How a person is named when the CRMs give no explicit display name.
import type { UnifiedPerson } from '../model/entities.js';

export function displayNameOf(person: Pick<UnifiedPerson, 'givenName' | 'familyName' | 'emails'>): string {
  const name = [person.givenName, person.familyName].filter((part) => part && part.trim() !== '').join(' ');
  if (name !== '') return name;
  return person.emails.find((e) => e.primary)?.address ?? person.emails[0]?.address ?? '(no name)';
}
