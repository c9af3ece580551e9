/**
 * Character references (`&amp;`, `&#35;`, `&#x23;`) as CommonMark decodes them in link
 * destinations and heading text. Numeric references are decoded exactly as micromark does.
 *
 * Named references: CommonMark knows the ~2,100 HTML5 names; this table holds the HTML 4
 * names (Latin-1, symbols, Greek, typographic) plus `apos` and the upper-case legacy forms,
 * which is what notes actually use. A name outside the table stays literal text, as
 * CommonMark keeps an unknown name. Deviation (exotic input only): an HTML5-only name such
 * as `&check;` therefore stays as written in a heading's text, and a link whose destination
 * holds such a reference is not reported (see `hasUnknownNamedReference`), so the scanner
 * never reports a target CommonMark would spell differently.
 */
import { isAsciiAlphanumeric, isAsciiDigit, isAsciiHexDigit } from './chars';

const TABLE =
  'nbsp:a0 iexcl:a1 cent:a2 pound:a3 curren:a4 yen:a5 brvbar:a6 sect:a7 uml:a8 copy:a9 ordf:aa ' +
  'laquo:ab not:ac shy:ad reg:ae macr:af deg:b0 plusmn:b1 sup2:b2 sup3:b3 acute:b4 micro:b5 para:b6 ' +
  'middot:b7 cedil:b8 sup1:b9 ordm:ba raquo:bb frac14:bc frac12:bd frac34:be iquest:bf Agrave:c0 ' +
  'Aacute:c1 Acirc:c2 Atilde:c3 Auml:c4 Aring:c5 AElig:c6 Ccedil:c7 Egrave:c8 Eacute:c9 Ecirc:ca ' +
  'Euml:cb Igrave:cc Iacute:cd Icirc:ce Iuml:cf ETH:d0 Ntilde:d1 Ograve:d2 Oacute:d3 Ocirc:d4 ' +
  'Otilde:d5 Ouml:d6 times:d7 Oslash:d8 Ugrave:d9 Uacute:da Ucirc:db Uuml:dc Yacute:dd THORN:de ' +
  'szlig:df agrave:e0 aacute:e1 acirc:e2 atilde:e3 auml:e4 aring:e5 aelig:e6 ccedil:e7 egrave:e8 ' +
  'eacute:e9 ecirc:ea euml:eb igrave:ec iacute:ed icirc:ee iuml:ef eth:f0 ntilde:f1 ograve:f2 ' +
  'oacute:f3 ocirc:f4 otilde:f5 ouml:f6 divide:f7 oslash:f8 ugrave:f9 uacute:fa ucirc:fb uuml:fc ' +
  'yacute:fd thorn:fe yuml:ff fnof:192 Alpha:391 Beta:392 Gamma:393 Delta:394 Epsilon:395 Zeta:396 ' +
  'Eta:397 Theta:398 Iota:399 Kappa:39a Lambda:39b Mu:39c Nu:39d Xi:39e Omicron:39f Pi:3a0 Rho:3a1 ' +
  'Sigma:3a3 Tau:3a4 Upsilon:3a5 Phi:3a6 Chi:3a7 Psi:3a8 Omega:3a9 alpha:3b1 beta:3b2 gamma:3b3 ' +
  'delta:3b4 epsilon:3b5 zeta:3b6 eta:3b7 theta:3b8 iota:3b9 kappa:3ba lambda:3bb mu:3bc nu:3bd ' +
  'xi:3be omicron:3bf pi:3c0 rho:3c1 sigmaf:3c2 sigma:3c3 tau:3c4 upsilon:3c5 phi:3c6 chi:3c7 ' +
  'psi:3c8 omega:3c9 thetasym:3d1 upsih:3d2 piv:3d6 bull:2022 hellip:2026 prime:2032 Prime:2033 ' +
  'oline:203e frasl:2044 weierp:2118 image:2111 real:211c trade:2122 alefsym:2135 larr:2190 ' +
  'uarr:2191 rarr:2192 darr:2193 harr:2194 crarr:21b5 lArr:21d0 uArr:21d1 rArr:21d2 dArr:21d3 ' +
  'hArr:21d4 forall:2200 part:2202 exist:2203 empty:2205 nabla:2207 isin:2208 notin:2209 ni:220b ' +
  'prod:220f sum:2211 minus:2212 lowast:2217 radic:221a prop:221d infin:221e ang:2220 and:2227 ' +
  'or:2228 cap:2229 cup:222a int:222b there4:2234 sim:223c cong:2245 asymp:2248 ne:2260 equiv:2261 ' +
  'le:2264 ge:2265 sub:2282 sup:2283 nsub:2284 sube:2286 supe:2287 oplus:2295 otimes:2297 perp:22a5 ' +
  'sdot:22c5 lceil:2308 rceil:2309 lfloor:230a rfloor:230b lang:27e8 rang:27e9 loz:25ca spades:2660 ' +
  'clubs:2663 hearts:2665 diams:2666 quot:22 amp:26 lt:3c gt:3e OElig:152 oelig:153 Scaron:160 ' +
  'scaron:161 Yuml:178 circ:2c6 tilde:2dc ensp:2002 emsp:2003 thinsp:2009 zwnj:200c zwj:200d ' +
  'lrm:200e rlm:200f ndash:2013 mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d ' +
  'bdquo:201e dagger:2020 Dagger:2021 permil:2030 lsaquo:2039 rsaquo:203a euro:20ac apos:27 AMP:26 ' +
  'LT:3c GT:3e QUOT:22 COPY:a9 REG:ae ';

const NAMED = new Map<string, string>(
  TABLE.trim()
    .split(' ')
    .map((entry) => {
      const [name = '', codes = ''] = entry.split(':');
      return [name, String.fromCodePoint(...codes.split('+').map((hex) => Number.parseInt(hex, 16)))];
    }),
);

/** The value of a named reference, or undefined for a name outside the table. */
export function namedReference(name: string): string | undefined {
  return NAMED.get(name);
}

/** micromark-util-decode-numeric-character-reference: invalid and non-characters become U+FFFD. */
export function numericReference(digits: string, base: 10 | 16): string {
  const code = Number.parseInt(digits, base);
  if (
    code < 9 ||
    code === 11 ||
    (code > 13 && code < 32) ||
    (code > 126 && code < 160) ||
    (code > 55_295 && code < 57_344) ||
    (code > 64_975 && code < 65_008) ||
    (code & 65_535) === 65_535 ||
    (code & 65_535) === 65_534 ||
    code > 1_114_111
  ) {
    return '\uFFFD';
  }
  return String.fromCodePoint(code);
}

// The shapes micromark-util-decode-string accepts; no nested quantifiers, so matching stays linear.
const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(#(?:\d{1,7}|x[\da-f]{1,6})|[\da-z]{1,31});/gi;
const NAMED_REFERENCE = /&([\da-z]{1,31});/gi;

/** A destination or label as CommonMark reads it: backslash escapes and character references decoded. */
export function decodeString(value: string): string {
  if (!value.includes('\\') && !value.includes('&')) return value;
  return value.replace(ESCAPE_OR_REFERENCE, (whole, escaped: string | undefined, reference: string) => {
    if (escaped !== undefined) return escaped;
    if (reference.charCodeAt(0) === 35) {
      const hex = reference.charCodeAt(1) === 120 || reference.charCodeAt(1) === 88;
      return numericReference(reference.slice(hex ? 2 : 1), hex ? 16 : 10);
    }
    return NAMED.get(reference) ?? whole;
  });
}

/** Whether `value` holds a named reference this table cannot decode (HTML5 might): see the deviation above. */
export function hasUnknownNamedReference(value: string): boolean {
  if (!value.includes('&')) return false;
  for (const m of value.matchAll(NAMED_REFERENCE)) if (!NAMED.has(m[1] ?? '')) return true;
  return false;
}

/** `&name;`, `&#123;` or `&#x7B;` at `at`, decoded; undefined when it is none (or an unknown name). */
export function characterReference(s: string, at: number): { end: number; value: string } | undefined {
  let i = at + 1;
  if (s.charCodeAt(i) === 35) {
    i++;
    const hex = s.charCodeAt(i) === 120 || s.charCodeAt(i) === 88;
    if (hex) i++;
    const start = i;
    const max = hex ? 6 : 7;
    while (i - start < max && (hex ? isAsciiHexDigit(s.charCodeAt(i)) : isAsciiDigit(s.charCodeAt(i)))) i++;
    if (i === start || s.charCodeAt(i) !== 59) return undefined;
    return { end: i + 1, value: numericReference(s.slice(start, i), hex ? 16 : 10) };
  }
  const start = i;
  while (i - start < 31 && isAsciiAlphanumeric(s.charCodeAt(i))) i++;
  if (i === start || s.charCodeAt(i) !== 59) return undefined;
  const value = namedReference(s.slice(start, i));
  return value === undefined ? undefined : { end: i + 1, value };
}
