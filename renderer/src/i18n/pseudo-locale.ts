/**
 * The pseudo-locale (en-XA): every English message with its letters accented, its vowels doubled and
 * padded to about 40 % longer — as long as German or French often run — inside ⟦ ⟧, so a test (or a
 * look) finds text that is cut off, overflows, is built by concatenation or never went through the
 * catalogue. ICU syntax is kept whole: argument names, plural and select keywords, `#`, and rich-text tags.
 */
const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'áƀçðéƒĝĥíĵķļɱñóþǫŕšţúṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i],
  ]),
);
const VOWELS = new Set([...'aeiouAEIOU']);

/** How much longer pseudo text is than the English it stands for. */
export const PSEUDO_GROWTH = 1.4;

interface Cursor {
  readonly source: string;
  at: number;
}

export function pseudoLocalize(message: string): string {
  const cursor: Cursor = { source: message, at: 0 };
  return `⟦${text(cursor, false)}⟧`;
}

/** Message text up to the end (or, nested, up to its closing brace, which is left for the caller). */
function text(cursor: Cursor, nested: boolean): string {
  let out = '';
  let letters = 0;
  let grown = 0;
  const { source } = cursor;
  while (cursor.at < source.length) {
    const c = source[cursor.at];
    if (c === '}' && nested) break;
    if (c === '{') {
      out += argument(cursor);
      continue;
    }
    if (c === '<') {
      const end = source.indexOf('>', cursor.at);
      const stop = end === -1 ? source.length : end + 1;
      out += source.slice(cursor.at, stop);
      cursor.at = stop;
      continue;
    }
    cursor.at += 1;
    const accented = ACCENTED[c];
    if (!accented) {
      out += c;
      continue;
    }
    letters += 1;
    out += accented;
    if (VOWELS.has(c)) {
      out += accented;
      grown += 1;
    }
  }
  const missing = Math.ceil(letters * (PSEUDO_GROWTH - 1)) - grown;
  return missing > 0 ? `${out}${' ~'.repeat(Math.ceil(missing / 2))}` : out;
}

/** `{name}`, `{n, number, …}` copied as they are; the messages inside plural and select localised. */
function argument(cursor: Cursor): string {
  const { source } = cursor;
  const open = cursor.at;
  const head = /^\{\s*([^,}\s]+)\s*(?:,\s*(\w+)\s*)?/.exec(source.slice(open));
  if (!head) {
    cursor.at += 1;
    return '{';
  }
  const type = head[2];
  if (type !== 'plural' && type !== 'select' && type !== 'selectordinal') {
    let depth = 0;
    for (let i = open; i < source.length; i += 1) {
      if (source[i] === '{') depth += 1;
      else if (source[i] === '}' && --depth === 0) {
        cursor.at = i + 1;
        return source.slice(open, i + 1);
      }
    }
    cursor.at = source.length;
    return source.slice(open);
  }
  cursor.at = open + head[0].length;
  let out = head[0];
  if (source[cursor.at] === ',') {
    out += ',';
    cursor.at += 1;
  }
  // Options: a selector (`one`, `=0`, `offset:1`, `other`…) then `{message}`, until the closing brace.
  while (cursor.at < source.length && source[cursor.at] !== '}') {
    const c = source[cursor.at];
    if (c === '{') {
      cursor.at += 1;
      out += `{${text(cursor, true)}}`;
      cursor.at += 1;
    } else {
      out += c;
      cursor.at += 1;
    }
  }
  cursor.at += 1;
  return `${out}}`;
}
