import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ContactCard } from './contact-card.js';
import { renderContactPage, renderNotFoundPage } from './contact-page.js';
import { PAGE_HEADERS } from './page-layout.js';

function card(overrides: Partial<ContactCard> = {}): ContactCard {
  return {
    id: 'per_aaaaaaaaaaaaaaaaaaaa',
    name: 'Ada Lovelace',
    emails: [
      { address: 'ada@example.org', primary: true, status: 'SUBSCRIBED' },
      { address: 'old@example.org', primary: false, status: 'BOUNCING' },
    ],
    phones: [
      { number: '+442071234567', kind: 'MOBILE', primary: true },
      { number: 'ext. 12', kind: 'WORK', primary: false },
      { number: '+15550199', kind: 'HOME', primary: false },
    ],
    organization: 'Analytical Engines',
    donationsByYear: [
      { year: 2026, count: 2, totals: [{ amount: '125.00', currency: 'EUR' }, { amount: '5.00', currency: 'USD' }] },
      { year: 2025, count: 1, totals: [{ amount: '10.00', currency: 'EUR' }] },
    ],
    tags: ['volunteer', 'donor'],
    sources: [
      { system: 'CIVICRM', remoteId: '42' },
      { system: 'ACTION_NETWORK', remoteId: 'd91b4b2e-ae0e-4cd3-9ed7-d0ec501b0bc3' },
    ],
    unavailable: [],
    ...overrides,
  };
}

describe('renderContactPage', () => {
  it('shows name, organization, emails, phones, yearly donation totals, tags and every source record', () => {
    const page = renderContactPage(card());
    expect(page).toContain('<h1>Ada Lovelace</h1>');
    expect(page).toContain('Analytical Engines');
    expect(page).toContain('ada@example.org <span class="muted">(primary)</span>');
    expect(page).toContain('old@example.org <span class="muted">(bouncing)</span>');
    expect(page).toContain('+44 20 7123 4567 <span class="muted">(mobile, primary)</span>');
    expect(page).toContain('ext. 12 <span class="muted">(work)</span>');
    // Too short for a US number: shown as stored rather than mis-spaced.
    expect(page).toContain('+15550199 <span class="muted">(home)</span>');
    expect(page).toContain('<tr><td>2026</td><td>125.00 EUR + 5.00 USD</td><td class="muted">2 gifts</td></tr>');
    expect(page).toContain('<tr><td>2025</td><td>10.00 EUR</td><td class="muted">1 gift</td></tr>');
    expect(page).toContain('<span class="tag">volunteer</span><span class="tag">donor</span>');
    expect(page).toContain('CiviCRM <span class="muted">#</span>42');
    expect(page).toContain('Action Network <span class="muted">#</span>d91b4b2e-ae0e-4cd3-9ed7-d0ec501b0bc3');
    expect(page).not.toContain('class="notice"');
  });

  it('leaves out empty sections and says which CRMs could not be reached', () => {
    const page = renderContactPage(card({ emails: [], phones: [], donationsByYear: [], tags: [], organization: null, unavailable: ['VTIGER', 'CIVICRM'] }));
    expect(page).not.toMatch(/<h2>(Email|Phone|Donations per year|Tags)<\/h2>/);
    expect(page).toContain('<h2>Records</h2>');
    expect(page).toContain('<p class="notice">Could not reach Vtiger, CiviCRM just now; showing the last copy the gateway holds.</p>');
  });

  it('escapes every value a CRM holds', () => {
    const evil = '<script>alert(1)</script>';
    const page = renderContactPage(
      card({
        name: evil,
        organization: `"><script>x()</script>`,
        emails: [{ address: `a<script>@x.org`, primary: true, status: 'SUBSCRIBED' }],
        phones: [{ number: evil, kind: 'HOME', primary: false }],
        tags: [evil],
        sources: [{ system: 'VTIGER', remoteId: `12x<script>` }],
        donationsByYear: [{ year: 2026, count: 1, totals: [{ amount: '1.00', currency: '<b>' }] }],
      }),
    );
    expect(page).not.toMatch(/<script|<b>/i);
    expect(page).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(page).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(page).toContain('&quot;&gt;&lt;script&gt;x()&lt;/script&gt;');
  });
});

describe('renderNotFoundPage', () => {
  it('is a friendly page naming the (escaped) id, or asking for one', () => {
    expect(renderNotFoundPage('per_<i>')).toContain('<h1>No contact found</h1><p>The gateway holds no person with id <code>per_&lt;i&gt;</code>.');
    expect(renderNotFoundPage(null)).toContain('<h1>No contact selected</h1>');
  });
});

describe('PAGE_HEADERS', () => {
  it('allow no script at all, and the page stylesheet only by its hash', () => {
    const csp = PAGE_HEADERS['content-security-policy']!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const style = /<style>([\s\S]*)<\/style>/.exec(renderNotFoundPage(null))![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(PAGE_HEADERS['content-type']).toBe('text/html; charset=utf-8');
    expect(PAGE_HEADERS['x-content-type-options']).toBe('nosniff');
  });
});
