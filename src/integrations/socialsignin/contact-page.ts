// The HTML the inbox shows in its iframe: one person's card, or a friendly page when there is none.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { EmailAddress, PhoneNumber } from '../../model/contact-points.js';
import type { System } from '../../model/system.js';
import type { ContactCard } from './contact-card.js';
import { html, type Html } from './html.js';
import { layoutPage } from './page-layout.js';

const SYSTEM_NAMES: Readonly<Record<System, string>> = {
  CIVICRM: 'CiviCRM',
  ACTION_NETWORK: 'Action Network',
  VTIGER: 'Vtiger',
};

/** Statuses an agent should know about before writing to the address. */
const EMAIL_STATUS_NOTES: Partial<Record<EmailAddress['status'], string>> = {
  UNSUBSCRIBED: 'unsubscribed',
  BOUNCING: 'bouncing',
  SPAM_COMPLAINT: 'spam complaint',
};

function section(title: string, content: Html | null): Html | null {
  return content && html`<h2>${title}</h2>${content}`;
}

function list<T>(items: readonly T[], item: (value: T) => Html): Html | null {
  return items.length === 0 ? null : html`<ul>${items.map((value) => html`<li>${item(value)}</li>`)}</ul>`;
}

function email(address: EmailAddress): Html {
  const notes = [address.primary ? 'primary' : null, EMAIL_STATUS_NOTES[address.status] ?? null].filter((n) => n !== null);
  return html`${address.address}${notes.length ? html` <span class="muted">(${notes.join(', ')})</span>` : null}`;
}

function phone(number: PhoneNumber): Html {
  // Stored as E.164 when the CRM's number could be read; spaced out, it is easier to read aloud.
  // Anything libphonenumber does not take for a possible number is shown as the CRM holds it.
  const parsed = number.number.startsWith('+') ? parsePhoneNumberFromString(number.number) : undefined;
  const shown = parsed?.isPossible() ? parsed.formatInternational() : number.number;
  const notes = [number.kind.toLowerCase(), number.primary ? 'primary' : null].filter((n) => n !== null);
  return html`${shown} <span class="muted">(${notes.join(', ')})</span>`;
}

function donations(card: ContactCard): Html | null {
  if (card.donationsByYear.length === 0) return null;
  const rows = card.donationsByYear.map(
    (y) => html`<tr><td>${y.year}</td><td>${y.totals.map((t) => `${t.amount} ${t.currency}`).join(' + ')}</td><td class="muted">${y.count === 1 ? '1 gift' : `${y.count} gifts`}</td></tr>`,
  );
  return html`<table>${rows}</table>`;
}

export function renderContactPage(card: ContactCard): string {
  const unavailable = card.unavailable.map((s) => SYSTEM_NAMES[s]).join(', ');
  const body = html`${card.unavailable.length ? html`<p class="notice">Could not reach ${unavailable} just now; showing the last copy the gateway holds.</p>` : null}
<h1>${card.name}</h1>
${card.organization === null ? null : html`<p class="muted">${card.organization}</p>`}
${section('Email', list(card.emails, email))}
${section('Phone', list(card.phones, phone))}
${section('Donations per year', donations(card))}
${section('Tags', card.tags.length ? html`<p>${card.tags.map((t) => html`<span class="tag">${t}</span>`)}</p>` : null)}
${section('Records', list(card.sources, (s) => html`${SYSTEM_NAMES[s.system]} <span class="muted">#</span>${s.remoteId}`))}`;
  return layoutPage(card.name, body);
}

export function renderNotFoundPage(id: string | null): string {
  const body = id
    ? html`<h1>No contact found</h1><p>The gateway holds no person with id <code>${id}</code>. They may have been deleted, or merged into another record; search for them again.</p>`
    : html`<h1>No contact selected</h1><p>The request named no person: it needs an <code>id</code> parameter.</p>`;
  return layoutPage('No contact found', body);
}
