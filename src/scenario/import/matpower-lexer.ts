/**
 * Tokens of a MATPOWER case file (MATLAB syntax), read as text and never evaluated. Handles what
 * case files contain: `%` comments and `%{ … %}` blocks, `...` continuations, quoted strings
 * (telling a quote from MATLAB's transpose operator by what precedes it), and newlines, which
 * separate rows inside `[ … ]` just as `;` does. Each token carries its 1-based line.
 */

export type TokenKind = 'word' | 'string' | 'newline' | '=' | '[' | ']' | '{' | '}' | '(' | ')' | ';' | ',';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
}

const PUNCT = new Set(['=', '[', ']', '{', '}', '(', ')', ';', ',']);
/** Characters that end a word: whitespace, punctuation, comment and quote characters. */
const STOP = /[\s=[\]{}();,%'"]/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const skipLine = () => {
    while (i < n && text[i] !== '\n') i++;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      out.push({ kind: 'newline', text: '\n', line });
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '%') {
      // A line holding only "%{" opens a block comment that runs to a line holding only "%}".
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      const lineEnd = text.indexOf('\n', i) < 0 ? n : text.indexOf('\n', i);
      if (text.slice(lineStart, lineEnd).trim() === '%{') {
        let depth = 0;
        let pos = lineStart;
        for (;;) {
          const end = text.indexOf('\n', pos) < 0 ? n : text.indexOf('\n', pos);
          const body = text.slice(pos, end).trim();
          if (body === '%{') depth++;
          else if (body === '%}') depth--;
          if (depth === 0 || end >= n) {
            i = end;
            break;
          }
          line++;
          pos = end + 1;
        }
        continue;
      }
      skipLine();
      continue;
    }
    if (c === '.' && text.startsWith('...', i)) {
      // Continuation: the rest of the line and its newline are ignored.
      skipLine();
      if (i < n) {
        i++;
        line++;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      const prev = out[out.length - 1];
      const transpose = c === "'" && prev && (prev.kind === 'word' || prev.kind === ']' || prev.kind === ')' || prev.kind === '}' || prev.kind === 'string');
      const adjacent = transpose && i > 0 && !/\s/.test(text[i - 1]!);
      if (adjacent) {
        i++;
        continue;
      }
      let j = i + 1;
      let s = '';
      while (j < n && text[j] !== '\n') {
        if (text[j] === c) {
          if (text[j + 1] === c) {
            s += c;
            j += 2;
            continue;
          }
          break;
        }
        s += text[j++];
      }
      out.push({ kind: 'string', text: s, line });
      i = j < n && text[j] === c ? j + 1 : j;
      continue;
    }
    if (PUNCT.has(c)) {
      out.push({ kind: c as TokenKind, text: c, line });
      i++;
      continue;
    }
    let j = i;
    while (j < n && !STOP.test(text[j]!) && !(text[j] === '.' && text.startsWith('...', j))) j++;
    out.push({ kind: 'word', text: text.slice(i, j), line });
    i = j;
  }
  return out;
}

const NUMBER_RE = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eEdD][+-]?\d+)?|Inf|inf|NaN|nan)$/;

/** A MATLAB numeric literal as a number, or null when the text is not one. */
export function parseNumber(text: string): number | null {
  if (!NUMBER_RE.test(text)) return null;
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  if (body === 'Inf' || body === 'inf') return sign * Infinity;
  if (body === 'NaN' || body === 'nan') return NaN;
  return sign * Number(body.replace(/[dD]/, 'e'));
}
