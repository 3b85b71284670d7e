import { describe, expect, it } from 'vitest';
import { organizationNameKey, websiteDomain } from './organization-key.js';

describe('organizationNameKey', () => {
  it('takes out case, punctuation, accents and legal forms', () => {
    expect(organizationNameKey('Acme Widgets Ltd')).toBe('acme widgets');
    expect(organizationNameKey('ACME WIDGETS LIMITED')).toBe('acme widgets');
    expect(organizationNameKey('Acme Widgets, Inc.')).toBe('acme widgets');
    expect(organizationNameKey('Widgets Pty. Ltd')).toBe('widgets');
    expect(organizationNameKey('Müller GmbH')).toBe('muller');
    expect(organizationNameKey('The Riverside Food Bank')).toBe('riverside food bank');
    expect(organizationNameKey('Smith & Sons')).toBe(organizationNameKey('Smith and Sons'));
  });

  it('keeps a legal form that is the whole name, or not at its end', () => {
    expect(organizationNameKey('Inc')).toBe('inc');
    expect(organizationNameKey('Limited Editions Books')).toBe('limited editions books');
  });
});

describe('websiteDomain', () => {
  it('gives the host without www., with or without a scheme', () => {
    expect(websiteDomain('https://www.Acme-Widgets.example/about')).toBe('acme-widgets.example');
    expect(websiteDomain('acme-widgets.example')).toBe('acme-widgets.example');
    expect(websiteDomain('  ')).toBeNull();
    expect(websiteDomain(null)).toBeNull();
    expect(websiteDomain('http://')).toBeNull();
  });
});
