// The demo contributions, generated deterministically from DEMO_PEOPLE (same list on every run).
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE } from './demo-people.js';

export type DemoFinancialType = 'Donation' | 'Member Dues' | 'Campaign Contribution' | 'Event Fee';

export interface DemoDesignation {
  readonly label: string;
  readonly amount: number;
  readonly financialType: DemoFinancialType;
}

export interface DemoContribution {
  /** A DemoPerson key, or a DemoOrganization name. */
  readonly donor: string;
  readonly totalAmount: number;
  readonly feeAmount: number;
  readonly currency: 'USD' | 'CAD' | 'EUR';
  readonly financialType: DemoFinancialType;
  /** Naive DATETIME, as CiviCRM stores receive_date. */
  readonly receiveDate: string;
  readonly status: 'Completed' | 'Pending' | 'Cancelled' | 'Refunded' | 'Failed';
  readonly paymentInstrument: 'Credit Card' | 'Check' | 'Cash' | 'EFT';
  readonly source: string;
  readonly trxnId?: string;
  readonly isTest?: boolean;
  /** Split designations: line items replacing the automatic one. */
  readonly designations?: readonly DemoDesignation[];
  /** Part of the one demo recurring series. */
  readonly recurring?: boolean;
}

const AMOUNTS = [25, 50, 100, 250, 10, 75.5, 500, 35, 1000, 20, 60, 150];
const TYPES: readonly DemoFinancialType[] = ['Donation', 'Donation', 'Member Dues', 'Campaign Contribution', 'Donation', 'Event Fee'];
const INSTRUMENTS: readonly DemoContribution['paymentInstrument'][] = ['Credit Card', 'Check', 'Credit Card', 'EFT', 'Cash'];
const SOURCES = ['Online donation page', 'Spring Gala 2025', 'Direct mail appeal', 'Membership renewal', 'Peer-to-peer campaign'];
const EURO = ['DE', 'FR', 'IE', 'NL', 'ES', 'IT'];

function currencyFor(country: string | null): DemoContribution['currency'] {
  if (country === 'CA') return 'CAD';
  return country !== null && EURO.includes(country) ? 'EUR' : 'USD';
}

function statusFor(i: number): DemoContribution['status'] {
  if (i === 20) return 'Refunded';
  if (i === 33) return 'Failed';
  if (i % 11 === 3) return 'Pending';
  if (i % 13 === 7) return 'Cancelled';
  return 'Completed';
}

/** Every 6 days from 2025-01-06 10:30, a few hours apart. */
function receiveDate(i: number): string {
  const d = new Date(Date.UTC(2025, 0, 6 + i * 6, 10 + (i % 5), 30, 0));
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

function generated(): DemoContribution[] {
  const out: DemoContribution[] = [];
  for (let i = 0; i < 55; i++) {
    const person = DEMO_PEOPLE[(i * 7) % DEMO_PEOPLE.length]!;
    const total = AMOUNTS[i % AMOUNTS.length]!;
    const instrument = INSTRUMENTS[i % INSTRUMENTS.length]!;
    const card = instrument === 'Credit Card';
    const split = i % 10 === 4;
    out.push({
      donor: person.key,
      totalAmount: total,
      feeAmount: card ? Math.round((total * 0.029 + 0.3) * 100) / 100 : 0,
      currency: currencyFor(person.country),
      financialType: split ? 'Donation' : TYPES[i % TYPES.length]!,
      receiveDate: receiveDate(i),
      status: statusFor(i),
      paymentInstrument: instrument,
      source: SOURCES[i % SOURCES.length]!,
      ...(card ? { trxnId: `ch_demo_${String(i + 1).padStart(4, '0')}` } : {}),
      ...(i === 45 ? { isTest: true } : {}),
      ...(split
        ? {
            designations: [
              { label: 'General Fund', amount: Math.round(total * 60) / 100, financialType: 'Donation' as const },
              { label: 'Building Fund', amount: Math.round(total * 40) / 100, financialType: 'Campaign Contribution' as const },
            ],
          }
        : {}),
    });
  }
  return out;
}

const fromOrganizations: DemoContribution[] = DEMO_ORGANIZATIONS.slice(0, 3).map((org, i) => ({
  donor: org.name,
  totalAmount: [5000, 2500, 10000][i]!,
  feeAmount: 0,
  currency: currencyFor(org.country),
  financialType: 'Campaign Contribution',
  receiveDate: `2025-${String(3 + i * 3).padStart(2, '0')}-01 09:00:00`,
  status: 'Completed',
  paymentInstrument: 'EFT',
  source: 'Corporate sponsorship',
}));

/** Three monthly gifts of the one recurring series (Emma Johnson, 25 USD). */
const recurringSeries: DemoContribution[] = ['2026-01-15', '2026-02-15', '2026-03-15'].map((day, i) => ({
  donor: 'emma-johnson',
  totalAmount: 25,
  feeAmount: 1.03,
  currency: 'USD',
  financialType: 'Donation',
  receiveDate: `${day} 08:00:00`,
  status: 'Completed',
  paymentInstrument: 'Credit Card',
  source: 'Monthly giving',
  trxnId: `ch_demo_recur_${i + 1}`,
  recurring: true,
}));

export const DEMO_CONTRIBUTIONS: readonly DemoContribution[] = [...generated(), ...fromOrganizations, ...recurringSeries];
