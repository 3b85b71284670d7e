// Vtiger's label field as PHP's htmlentities writes it.

/** What Vtiger's label field holds: the label fields joined, HTML-entity encoded (htmlentities). */
export function htmlEntities(text: string): string {
  const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;' };
  return text.replace(/[&<>"']/g, (ch) => named[ch] ?? ch).replace(/[\u00c0-\u00ff]/g, (ch) => latinEntity(ch));
}

/** Accented Latin-1 letters as PHP's htmlentities writes them (Ü → &Uuml;); others stay as they are. */
function latinEntity(ch: string): string {
  const base = ch.normalize('NFD');
  const letter = base[0] ?? ch;
  const accent = base.slice(1);
  const names: Record<string, string> = { '\u0308': 'uml', '\u0301': 'acute', '\u0300': 'grave', '\u0302': 'circ', '\u0303': 'tilde', '\u030a': 'ring', '\u0327': 'cedil' };
  const name = names[accent];
  if (name !== undefined) return `&${letter}${name};`;
  const special: Record<string, string> = { 'ø': '&oslash;', 'Ø': '&Oslash;', 'ß': '&szlig;', 'æ': '&aelig;', 'Æ': '&AElig;' };
  return special[ch] ?? ch;
}
