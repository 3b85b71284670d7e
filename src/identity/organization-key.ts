// An organization's name and website reduced to what makes two records one organization.
import { foldText } from './text-fold.js';

// Legal forms, folded, which say how an organization is registered, not which one it is
// ("Acme Widgets Ltd" = "ACME Widgets Limited"). Only removed at the end of the name.
const LEGAL_FORMS = [
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'co', 'company',
  'gmbh', 'ag', 'kg', 'ev', 'e v', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'oy', 'pty', 'pty ltd', 'cic',
].sort((a, b) => b.length - a.length);

/** Folded name without legal forms at its end or "the" at its start; '' when nothing is left. */
export function organizationNameKey(name: string): string {
  let key = foldText(name).replace(/^the /, '');
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const form of LEGAL_FORMS) {
      if (key.endsWith(` ${form}`)) {
        key = key.slice(0, -form.length - 1);
        stripped = true;
        break;
      }
    }
  }
  // "&" folds to nothing; "and" means the same.
  return key.replace(/ and /g, ' ').replace(/\s+/g, ' ').trim();
}

/** The website's host without "www.", lower case ("https://www.Acme.example/about" → "acme.example"); null when none. */
export function websiteDomain(website: string | null | undefined): string | null {
  const text = website?.trim();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname.toLowerCase();
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
