import { describe, expect, it } from 'vitest';
import {
  codeSpan,
  escapeInline,
  escapeMessage,
  markdownLink,
  mermaidLabel,
  mermaidText,
  oneLine,
  safeUrl,
  tableRow,
  terminalText,
  truncate,
} from '../../src/analysis/render/escape.js';
import { renderGfm } from './gfm.js';

const ZWSP = '\u200B';

/** What a reader sees when `markdown` is rendered as one paragraph. */
function seen(markdown: string): { text: string; html: string } {
  const body = renderGfm(markdown).body;
  return { text: (body.textContent ?? '').replace(/\u200B/g, '').trim(), html: body.innerHTML };
}

describe('oneLine', () => {
  it('turns line breaks into spaces and hides controls, bidi overrides and lone surrogates', () => {
    expect(oneLine('a\nb\r\nc\td')).toBe('a b c d');
    expect(oneLine('x\u0000y\u001b[31m')).toBe('x\uFFFDy\uFFFD[31m');
    expect(oneLine('\u202Eevil\u2066')).toBe('\uFFFDevil\uFFFD');
    expect(oneLine('ok \u{1F600} bad \uD800!')).toBe('ok \u{1F600} bad \uFFFD!');
  });
});

describe('truncate', () => {
  it('counts code points and marks the cut', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdefg', 6)).toBe('abc...');
    expect(truncate('\u{1F600}'.repeat(8), 5)).toBe('\u{1F600}\u{1F600}...');
  });
});

describe('escapeInline', () => {
  it.each([
    ['**bold** _it_ ~~gone~~', '**bold** _it_ ~~gone~~'],
    ['[link](javascript:alert(1))', '[link](javascript:alert(1))'],
    ['<details><summary>x</summary>', '<details><summary>x</summary>'],
    ['<!-- marker -->', '<!-- marker -->'],
    ['&lt;b&gt; &amp;', '&lt;b&gt; &amp;'],
    ['$x^2$ and `code`', '$x^2$ and `code`'],
    ['- list', '- list'],
    ['1. ordered', '1. ordered'],
    ['# heading', '# heading'],
    ['> quote', '> quote'],
    ['back\\slash\\', 'back\\slash\\'],
  ])('renders %j literally', (input, text) => {
    const result = seen(escapeInline(input));
    expect(result.text).toBe(text);
    expect(result.html).not.toMatch(/<(?!\/?p>)/);
  });

  it('breaks mentions, issue references and bare URLs with a zero-width space', () => {
    expect(escapeInline('@octocat')).toBe(`@${ZWSP}octocat`);
    expect(escapeInline('fixes #12')).toBe(`fixes \\#${ZWSP}12`);
    expect(escapeInline('GH-12')).toBe(`GH-${ZWSP}12`);
    expect(escapeInline('https://x.example')).toBe(`https:${ZWSP}//x.example`);
    expect(escapeInline('www.x.example')).toBe(`www${ZWSP}.x.example`);
    expect(seen(escapeInline('see https://x.example and www.y.example')).html).not.toContain('<a');
  });

  it('never leaves the text of an HTML comment marker in the Markdown source', () => {
    const out = escapeInline('<!-- meshguard --> --!>');
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('-->');
    expect(out).not.toContain('--!>');
  });

  it('keeps a pipe inside a table cell', () => {
    const doc = renderGfm(
      [
        tableRow(['a', 'b']),
        tableRow(['---', '---']),
        tableRow([escapeInline('x|y\\|z\\'), 'last']),
      ].join('\n'),
    );
    const cells = [...doc.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(['x|y\\|z\\', 'last']);
  });
});

describe('codeSpan', () => {
  it.each([
    ['plain', '`plain`'],
    ['a `tick`', '`` a `tick` ``'],
    ['``two``', '``` ``two`` ```'],
    [' spaced ', '`  spaced  `'],
  ])('fences %j with a longer backtick run', (input, output) => {
    expect(codeSpan(input)).toBe(output);
    expect(renderGfm(output).querySelector('code')?.textContent).toBe(input);
  });

  it('writes a pipe as \\| in a table and falls back to text when a backslash precedes it', () => {
    const table = (cell: string) =>
      renderGfm(
        [tableRow(['a', 'b']), tableRow(['---', '---']), tableRow([cell, 'last'])].join('\n'),
      );
    const pipe = table(codeSpan('GET /a|b', 'table'));
    expect(pipe.querySelector('td code')?.textContent).toBe('GET /a|b');
    const slash = table(codeSpan('a\\|b', 'table'));
    expect([...slash.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'a\\|b',
      'last',
    ]);
  });

  it('breaks comment markers even inside code', () => {
    const out = codeSpan('<!-- x --> y --!>');
    expect(out).not.toMatch(/<!--|-->|--!>/);
    expect(
      renderGfm(out)
        .querySelector('code')
        ?.textContent?.replace(/\u200B/g, ''),
    ).toBe('<!-- x --> y --!>');
  });
});

describe('escapeMessage', () => {
  it('shows backticked user values as code and the rest as text', () => {
    const doc = renderGfm(escapeMessage('key `a*b` appears *twice* @here'));
    expect(doc.querySelector('code')?.textContent).toBe('a*b');
    expect(doc.querySelector('em')).toBeNull();
    expect((doc.body.textContent ?? '').replace(/\u200B/g, '')).toBe(
      'key a*b appears *twice* @here',
    );
  });

  it('keeps an unbalanced backtick as text', () => {
    expect(seen(escapeMessage('one `two')).text).toBe('one `two');
  });
});

describe('links', () => {
  it('percent-encodes what would end the destination or a table cell', () => {
    expect(safeUrl('https://github.com/o/r/blob/s/a b(1)|x.yaml#L3')).toBe(
      'https://github.com/o/r/blob/s/a%20b%281%29%7Cx.yaml#L3',
    );
    expect(safeUrl('https://x.example/\u00e9')).toBe('https://x.example/%C3%A9');
  });

  it('refuses other schemes and keeps the text', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(markdownLink('a.yaml:3', 'data:text/html,x')).toBe('a.yaml:3');
    expect(markdownLink('a.yaml:3', null)).toBe('a.yaml:3');
    const doc = renderGfm(markdownLink('[x](y) *', 'https://x.example/p'));
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://x.example/p');
    expect(doc.querySelector('a')?.textContent).toBe('[x](y) *');
  });
});

describe('mermaidText', () => {
  it('uses Mermaid entity codes for everything outside a small ASCII set', () => {
    expect(mermaidText('a"b')).toBe('a#quot;b');
    expect(mermaidText('#<>&')).toBe('#35;#lt;#gt;#amp;');
    expect(mermaidText('x|y[z]{w};`%')).toBe('x#124;y#91;z#93;#123;w#125;#59;#96;#37;');
    expect(mermaidText('caf\u00e9 \u{1F600}')).toBe('caf#233; #128512;');
    expect(mermaidText('line\nbreak')).toBe('line break');
  });

  it('quotes and truncates labels', () => {
    expect(mermaidLabel('end', 40)).toBe('"end"');
    expect(mermaidLabel('a'.repeat(50), 10)).toBe('"aaaaaaa..."');
    expect(mermaidLabel('', 10)).toBe('"#quot;#quot;"');
    expect(mermaidLabel(' \n', 10)).toBe('"#quot;  #quot;"');
  });
});

describe('terminalText', () => {
  it('shows escape sequences and bidi overrides instead of sending them', () => {
    expect(terminalText('a\u001b[2Jb\u202Ec\n')).toBe('a\\u{1b}[2Jb\\u{202e}c\\u{a}');
  });
});
