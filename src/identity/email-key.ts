// The key under which two email addresses count as the same mailbox.

/**
 * Trimmed and lower-cased (mail providers treat the local part case-insensitively in practice,
 * although RFC 5321 allows otherwise). For gmail.com and googlemail.com only, dots in the local
 * part and a "+tag" suffix are dropped and the domain is gmail.com: Google documents that these
 * reach the same mailbox. No other provider's rules are applied, because they are not certain —
 * on many hosts "+" and "." are ordinary characters of distinct mailboxes. Null when the text is
 * not an address (no local part or domain).
 */
export function emailKey(address: string): string | null {
  const folded = address.trim().toLowerCase();
  const at = folded.lastIndexOf('@');
  if (at <= 0 || at === folded.length - 1) return null;
  let local = folded.slice(0, at);
  let domain = folded.slice(at + 1);
  if (domain === 'gmail.com' || domain === 'googlemail.com') {
    domain = 'gmail.com';
    local = (local.split('+')[0] ?? '').replace(/\./g, '');
    if (local === '') return null;
  }
  return `${local}@${domain}`;
}
