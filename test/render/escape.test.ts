import fc from 'fast-check';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { parseMessage, quote } from '../../src/analysis/findings/quote.js';
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
  truncateUtf8,
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

describe('truncateUtf8', () => {
  it('counts UTF-8 bytes, cuts between code points and marks the cut', () => {
    expect(truncateUtf8('abcdef', 6)).toBe('abcdef');
    expect(truncateUtf8('abcdefg', 6)).toBe('abc...');
    expect(truncateUtf8('\u00e9\u00e9\u00e9', 6)).toBe('\u00e9\u00e9\u00e9');
    expect(truncateUtf8('\u00e9\u00e9\u00e9\u00e9', 7)).toBe('\u00e9\u00e9...');
    // 4 bytes each: one fits before the ellipsis in 8 bytes, never half of one.
    expect(truncateUtf8('\u{1F600}'.repeat(3), 8)).toBe('\u{1F600}...');
    expect(truncateUtf8('\u{1F600}'.repeat(3), 6)).toBe('...');
  });

  it('writes a lone surrogate as U+FFFD, which has a UTF-8 form', () => {
    expect(truncateUtf8('a\uD800b', 100)).toBe('a\uFFFDb');
    expect(truncateUtf8('a\uDC00'.repeat(4), 9)).toBe('a\uFFFDa...');
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

  it('shows a quoted value holding backticks exactly, as one code span', () => {
    const doc = renderGfm(escapeMessage(`path ${quote('/{*}/a`b')} and ${quote('`x`')} here`));
    expect([...doc.querySelectorAll('code')].map((c) => c.textContent)).toEqual([
      '/{*}/a`b',
      '`x`',
    ]);
    expect(seen(escapeMessage(`path ${quote('/a`b`c')}`)).text).toBe('path /a`b`c');
  });

  it.each([
    ['a ``b`c`` d', ['b`c'], 'a b`c d'],
    ['`` `x` ``', ['`x`'], '`x`'],
    ['a ` two  `', ['two '], 'a two'],
    ['``a` b', [], '``a` b'],
    ['a ``b` c`', [' c'], 'a ``b c'],
    ['`a`` b`', ['a`` b'], 'a`` b'],
  ])('reads %j the CommonMark way', (message, codes, text) => {
    const doc = renderGfm(escapeMessage(message));
    expect([...doc.querySelectorAll('code')].map((c) => c.textContent)).toEqual(codes);
    expect(seen(escapeMessage(message)).text).toBe(text);
  });

  it('finds the same code spans as a CommonMark parser, whatever the backticks', () => {
    const message = fc
      .array(fc.constantFrom('`', '``', '```', 'a', ' ', '*x*'), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(message, (m) => {
        // A blank code span is shown as quoted text (codeSpan), so only the others compare.
        const codes = (markdown: string) =>
          [...renderGfm(markdown).querySelectorAll('code')]
            .map((c) => c.textContent ?? '')
            .filter((c) => c.trim() !== '');
        expect(codes(escapeMessage(m))).toEqual(codes(m));
        expect(renderGfm(escapeMessage(m)).querySelector('em')).toBeNull();
      }),
    );
  });
});

describe('quote', () => {
  const value = fc
    .array(fc.constantFrom('`', '``', ' ', 'a', '\\', '*', '|', '<b>'), {
      minLength: 1,
      maxLength: 12,
    })
    .map((parts) => parts.join(''));

  it('writes a code span that CommonMark reads back as the value', () => {
    fc.assert(
      fc.property(value, (v) => {
        const html = micromark(`x ${quote(v)} y`);
        const code = /<code>([^]*)<\/code>/.exec(html)?.[1];
        const escaped = v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        expect(code).toBe(escaped);
        expect(parseMessage(`x ${quote(v)} y`)).toEqual([
          { code: false, text: 'x ' },
          { code: true, text: v },
          { code: false, text: ' y' },
        ]);
      }),
    );
  });

  it('pads only where CommonMark would eat a character, and writes an empty value as ""', () => {
    expect(quote('a')).toBe('`a`');
    expect(quote(8080)).toBe('`8080`');
    expect(quote('a`b')).toBe('``a`b``');
    expect(quote('`a')).toBe('`` `a ``');
    expect(quote(' a ')).toBe('`  a  `');
    expect(quote('  ')).toBe('`  `');
    expect(quote('')).toBe('""');
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
