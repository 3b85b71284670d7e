// The frame every iframe page shares: one inline stylesheet, and headers that forbid scripts.
import { createHash } from 'node:crypto';
import { Html, html } from './html.js';

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; color: #1f2328; margin: 0; padding: 12px; }
h1 { font-size: 18px; margin: 0 0 4px; }
h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #59636e; margin: 14px 0 4px; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 2px 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; }
td { padding: 1px 12px 1px 0; vertical-align: top; }
.muted { color: #59636e; }
.tag { display: inline-block; background: #eef1f4; border-radius: 10px; padding: 0 8px; margin: 0 4px 4px 0; }
.notice { background: #fff8c5; padding: 6px 8px; border-radius: 4px; }
`;

// The stylesheet is allowed by its hash rather than 'unsafe-inline'; scripts, images, fonts,
// forms and connections are allowed nowhere. No frame-ancestors: the inbox must be able to embed us.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // A contact's details should not outlive the agent's view of them in some cache.
  'cache-control': 'no-store',
};

export function layoutPage(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
${body}
</body>
</html>
`.markup;
}
