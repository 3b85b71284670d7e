// Checks the signature SocialSignIn puts on every request: `sig` is the hex HMAC-SHA256, keyed
// with the shared secret, of the query string without `sig`, exactly as the caller sent it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';

/** A verified request's parameters (decoded, `+` read as a space), or why it was refused. */
export type SignatureCheck = { ok: true; params: URLSearchParams } | { ok: false; reason: string };

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
// Unix seconds; the length cap keeps the arithmetic below exact.
const UNIX_SECONDS = /^\d{1,12}$/;

/** The query string of a request target as it came over the wire ("" when there is none). */
export function rawQueryOf(requestTarget: string): string {
  const start = requestTarget.indexOf('?');
  if (start < 0) return '';
  const end = requestTarget.indexOf('#', start);
  return requestTarget.slice(start + 1, end < 0 ? undefined : end);
}

export class SignatureVerifier {
  constructor(
    private readonly secret: string,
    private readonly clockSkewSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `rawQuery` must be the undecoded query string: the caller (PHP's http_build_query in the
   * reference integration) signed its own encoding, and any re-encoding on our side — `+` versus
   * `%20`, upper- versus lower-case escapes, parameter order — would change the signed text.
   */
  verify(rawQuery: string): SignatureCheck {
    const parts = rawQuery === '' ? [] : rawQuery.split('&');
    const sigs = parts.filter((part) => nameOf(part) === 'sig');
    if (sigs.length === 0) return refuse('Missing "sig" parameter: sign the query string with the shared secret');
    if (sigs.length > 1) return refuse(`Expected one "sig" parameter, but got ${sigs.length}`);
    const signedText = parts.filter((part) => nameOf(part) !== 'sig').join('&');
    const params = new URLSearchParams(signedText);

    const expires = params.get('expires');
    if (expires === null) return refuse('Missing "expires" parameter: the unix time (seconds) after which the request is void');
    if (!UNIX_SECONDS.test(expires)) return refuse(`"expires" must be unix seconds, but got: ${JSON.stringify(expires)}`);

    const sig = decodeURIComponentOrNull(sigs[0]!.slice('sig='.length));
    if (sig === null || !HEX_SHA256.test(sig) || !timingSafeEqual(Buffer.from(sig, 'hex'), this.digest(signedText))) {
      return refuse('Signature does not match the query string');
    }

    const expiresAt = Number(expires);
    if (this.now() > (expiresAt + this.clockSkewSeconds) * 1000) {
      const at = DateTime.fromSeconds(expiresAt, { zone: 'utc' }).toISO({ suppressMilliseconds: true });
      return refuse(`Request expired at ${at} (expires=${expires})`);
    }
    return { ok: true, params };
  }

  private digest(text: string): Buffer {
    return createHmac('sha256', this.secret).update(text, 'utf8').digest();
  }
}

function nameOf(part: string): string {
  const eq = part.indexOf('=');
  return eq < 0 ? part : part.slice(0, eq);
}

function decodeURIComponentOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function refuse(reason: string): SignatureCheck {
  return { ok: false, reason };
}
