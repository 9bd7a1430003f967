// Tests for tokenizeMessage: links, refused schemes, what3words addresses and HTML staying text.
import { describe, expect, it } from 'vitest';
import { type MessageToken, tokenizeMessage } from './tokens.js';

const joined = (tokens: MessageToken[]) => tokens.map((token) => token.text).join('');
const links = (body: string) =>
  tokenizeMessage(body).flatMap((token) => (token.kind === 'link' ? [token.href] : []));

describe('tokenizeMessage', () => {
  it('keeps plain text as one text token, and gives nothing for an empty body', () => {
    expect(tokenizeMessage('Quad bike missing from Low Farm')).toEqual([
      { kind: 'text', text: 'Quad bike missing from Low Farm' },
    ]);
    expect(tokenizeMessage('')).toEqual([]);
  });

  it('finds http and https links between text', () => {
    const body = 'Report it at https://www.police.uk/pu/contact-us/ or http://example.org/a?b=1#c now';
    expect(tokenizeMessage(body)).toEqual([
      { kind: 'text', text: 'Report it at ' },
      {
        kind: 'link',
        text: 'https://www.police.uk/pu/contact-us/',
        href: 'https://www.police.uk/pu/contact-us/',
      },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'http://example.org/a?b=1#c', href: 'http://example.org/a?b=1#c' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it.each([
    ['See https://example.org/page.', 'https://example.org/page'],
    ['(see https://example.org/page)', 'https://example.org/page'],
    ['Links: https://example.org/a, https://example.org/b!', 'https://example.org/a'],
    ['Is it https://example.org/x?', 'https://example.org/x'],
    ['<https://example.org/x>', 'https://example.org/x'],
    ['"https://example.org/x"', 'https://example.org/x'],
    ['https://en.wikipedia.org/wiki/Fell_(landform).', 'https://en.wikipedia.org/wiki/Fell_(landform)'],
    ['HTTPS://EXAMPLE.ORG/Up', 'HTTPS://EXAMPLE.ORG/Up'],
  ])('leaves trailing punctuation out of the link in %j', (body, href) => {
    expect(links(body)[0]).toBe(href);
    expect(joined(tokenizeMessage(body))).toBe(body);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/file',
    'xhttps://example.org',
    'https://',
    'https://bank.example@evil.example/login',
  ])('never makes a link of %j', (body) => {
    const tokens = tokenizeMessage(body);
    expect(tokens.every((token) => token.kind !== 'link')).toBe(true);
    expect(joined(tokens)).toBe(body);
  });

  it('keeps HTML-looking text as text', () => {
    const body = '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">click</a> &amp;';
    expect(tokenizeMessage(body)).toEqual([{ kind: 'text', text: body }]);
  });

  it('does not let a link swallow markup around it', () => {
    const tokens = tokenizeMessage('<a href="https://example.org">x</a>');
    expect(links('<a href="https://example.org">x</a>')).toEqual(['https://example.org']);
    expect(joined(tokens)).toBe('<a href="https://example.org">x</a>');
  });

  it('finds what3words addresses and normalises them', () => {
    expect(tokenizeMessage('Ewes out at ///Filled.Count.Soap, please help')).toEqual([
      { kind: 'text', text: 'Ewes out at ' },
      { kind: 'w3w', text: '///Filled.Count.Soap', address: '///filled.count.soap' },
      { kind: 'text', text: ', please help' },
    ]);
  });

  it('does not take dotted text or domains for what3words addresses', () => {
    for (const body of ['e.g.x', 'www.example.com', 'filled.count.soap', 'v1.2.3']) {
      expect(tokenizeMessage(body)).toEqual([{ kind: 'text', text: body }]);
    }
  });

  it('does not find what3words addresses inside links', () => {
    const body = 'https://example.org///filled.count.soap and ///index.home.raft';
    const kinds = tokenizeMessage(body).map((token) => token.kind);
    expect(kinds).toEqual(['link', 'text', 'w3w']);
    expect(joined(tokenizeMessage(body))).toBe(body);
  });

  it('mixes links, addresses and text in order, and reassembles the body exactly', () => {
    const body = 'Seen at ///index.home.raft (map: https://example.org/m?id=1). Call 999!';
    const tokens = tokenizeMessage(body);
    expect(tokens.map((token) => token.kind)).toEqual(['text', 'w3w', 'text', 'link', 'text']);
    expect(joined(tokens)).toBe(body);
  });
});
