import { describe, expect, it } from 'vitest';
import { escapeHtml, Html, html } from './html.js';

describe('html', () => {
  it('escapes every interpolated text, in content and in attributes', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
    const name = '"><img src=x onerror=alert(1)>';
    expect(html`<a title="${name}">${name}</a>`.markup).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>',
    );
  });

  it('keeps nested html and arrays of it, escapes strings inside arrays, drops null and undefined', () => {
    const items = ['<b>', 'a&b'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${2026}`.markup).toBe('<ul><li>&lt;b&gt;</li><li>a&amp;b</li></ul>2026');
    expect(html`${['<i>', new Html('<i>')]}`.markup).toBe('&lt;i&gt;<i>');
  });
});
