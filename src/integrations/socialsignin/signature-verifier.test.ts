import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawQueryOf, SignatureVerifier } from './signature-verifier.js';

const SECRET = 'changeme!';
const EXPIRES = 1500472622;
const BEFORE_EXPIRY = (EXPIRES - 60) * 1000;

const hmac = (text: string, secret = SECRET) => createHmac('sha256', secret).update(text).digest('hex');
const verifier = (now = BEFORE_EXPIRY, skew = 30) => new SignatureVerifier(SECRET, skew, () => now);

describe('the signature test vectors', () => {
  it('matches a vector computed independently with openssl', () => {
    // printf '%s' 'q=red&expires=1500472622' | openssl dgst -sha256 -hmac 'changeme!'
    const OPENSSL = '7c9a0a55dc2d1542ec736b8021f048da114fcba11ca1fb0219c122dfd789e48c';
    expect(hmac('q=red&expires=1500472622')).toBe(OPENSSL);
    expect(verifier().verify(`q=red&expires=1500472622&sig=${OPENSSL}`).ok).toBe(true);
  });

  it('accepts the issue example signed with Node crypto, with sig anywhere in the query', () => {
    const sig = hmac('q=red&expires=1500472622');
    expect(verifier().verify(`q=red&expires=1500472622&sig=${sig}`)).toEqual({ ok: true, params: expect.any(URLSearchParams) });
    expect(verifier().verify(`sig=${sig}&q=red&expires=1500472622`).ok).toBe(true);
    expect(verifier().verify(`q=red&sig=${sig}&expires=1500472622`).ok).toBe(true);
    expect(verifier().verify(`q=red&expires=1500472622&sig=${sig.toUpperCase()}`).ok).toBe(true);
  });

  it('checks the text as sent: PHP spaces as "+", decoded only after verifying', () => {
    // printf '%s' 'q=ada+lovelace&expires=1500472622' | openssl dgst -sha256 -hmac 'changeme!'
    const sig = 'c99029b917ee03a5d7a018d24ba23e994f1ed8a362ae3426e219aa87d2ad0dc0';
    const check = verifier().verify(`q=ada+lovelace&expires=1500472622&sig=${sig}`);
    expect(check.ok && check.params.get('q')).toBe('ada lovelace');
    // The same parameters encoded differently are a different signed text.
    expect(verifier().verify(`q=ada%20lovelace&expires=1500472622&sig=${sig}`)).toEqual({ ok: false, reason: 'Signature does not match the query string' });
    expect(verifier().verify(`expires=1500472622&q=ada+lovelace&sig=${sig}`).ok).toBe(false);
  });
});

describe('SignatureVerifier refuses', () => {
  const signed = (query: string) => `${query}&sig=${hmac(query)}`;

  it('a missing sig', () => {
    expect(verifier().verify('q=red&expires=1500472622')).toEqual({
      ok: false,
      reason: 'Missing "sig" parameter: sign the query string with the shared secret',
    });
    expect(verifier().verify('').ok).toBe(false);
  });

  it('a wrong sig, a sig made with another secret, a malformed sig and two sigs', () => {
    const wrong = { ok: false, reason: 'Signature does not match the query string' };
    expect(verifier().verify(`q=red&expires=1500472622&sig=${'0'.repeat(64)}`)).toEqual(wrong);
    expect(verifier().verify(`q=red&expires=1500472622&sig=${hmac('q=red&expires=1500472622', 'other')}`)).toEqual(wrong);
    expect(verifier().verify('q=red&expires=1500472622&sig=not-hex')).toEqual(wrong);
    expect(verifier().verify('q=red&expires=1500472622&sig=%E0%A4%A')).toEqual(wrong);
    expect(verifier().verify('q=red&expires=1500472622&sig')).toEqual(wrong);
    const sig = hmac('q=red&expires=1500472622');
    expect(verifier().verify(`q=red&expires=1500472622&sig=${sig}&sig=${sig}`)).toEqual({ ok: false, reason: 'Expected one "sig" parameter, but got 2' });
  });

  it('a tampered parameter', () => {
    const sig = hmac('q=red&expires=1500472622');
    expect(verifier().verify(`q=blue&expires=1500472622&sig=${sig}`).ok).toBe(false);
    expect(verifier().verify(`q=red&expires=1500472623&sig=${sig}`).ok).toBe(false);
    expect(verifier().verify(`q=red&expires=1500472622&id=x&sig=${sig}`).ok).toBe(false);
  });

  it('a missing or non-numeric expires, even when correctly signed', () => {
    expect(verifier().verify(signed('q=red'))).toEqual({
      ok: false,
      reason: 'Missing "expires" parameter: the unix time (seconds) after which the request is void',
    });
    expect(verifier().verify(signed('q=red&expires=soon'))).toEqual({ ok: false, reason: '"expires" must be unix seconds, but got: "soon"' });
    expect(verifier().verify(signed('q=red&expires=-5')).ok).toBe(false);
    expect(verifier().verify(signed('q=red&expires=1.5e9')).ok).toBe(false);
  });

  it('an expired request, allowing the configured clock skew', () => {
    const query = signed('q=red&expires=1500472622');
    expect(verifier(EXPIRES * 1000).verify(query).ok).toBe(true);
    expect(verifier((EXPIRES + 30) * 1000).verify(query).ok).toBe(true);
    expect(verifier((EXPIRES + 30) * 1000 + 1).verify(query)).toEqual({
      ok: false,
      reason: 'Request expired at 2017-07-19T13:57:02Z (expires=1500472622)',
    });
    expect(verifier((EXPIRES + 1) * 1000, 0).verify(query).ok).toBe(false);
    expect(verifier((EXPIRES + 100) * 1000, 120).verify(query).ok).toBe(true);
  });

  it('without ever echoing the secret', () => {
    const reasons = [
      verifier().verify('q=red&expires=1500472622'),
      verifier().verify(`q=red&expires=1500472622&sig=${'0'.repeat(64)}`),
      verifier(Date.now()).verify(signed('q=red&expires=1500472622')),
    ].map((c) => (c.ok ? '' : c.reason));
    for (const reason of reasons) expect(reason).not.toContain(SECRET);
  });
});

describe('rawQueryOf', () => {
  it('takes the query of a request target as sent, without decoding', () => {
    expect(rawQueryOf('/integrations/socialsignin/search?q=ada+l%C3%B6we&expires=1&sig=ab')).toBe('q=ada+l%C3%B6we&expires=1&sig=ab');
    expect(rawQueryOf('/x?a=1#frag')).toBe('a=1');
    expect(rawQueryOf('/x')).toBe('');
    expect(rawQueryOf('/x?')).toBe('');
  });
});
