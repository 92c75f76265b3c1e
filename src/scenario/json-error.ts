/**
 * Where and why a text is not valid JSON, in words that never repeat the text. V8's own messages
 * quote the start of the input ("Unexpected token 'r', "root:x:0:0"... is not valid JSON"), which
 * printed the first line of whatever file a session pointed at, and they give no position for
 * that form. So after JSON.parse has failed, this small scanner walks the text once more to find
 * the first offending character: linear, with an explicit stack so deep nesting cannot overflow.
 */
import { issue, lineCol, type ScenarioIssue } from './issues';

export interface JsonError {
  readonly offset: number;
  readonly reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonError(text: string): JsonError | null {
  const n = text.length;
  const stack: ('list' | 'object')[] = [];
  let i = 0;
  const at = (reason: string, offset = i): JsonError => ({ offset, reason });
  const skipSpace = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  };
  /** Reads a string starting at its opening quote; an error, or null once past the closing quote. */
  const readString = (): JsonError | null => {
    const start = i++;
    for (;;) {
      if (i >= n) return at('a string is not closed (a missing ")', start);
      const c = text.charCodeAt(i);
      if (c === 34) return (i++, null);
      if (c < 32) return at('a control character (such as a line break) inside a string; write it as \\n or \\t');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return at('\\u must be followed by four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return at('an unknown escape after \\ in a string (use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)');
      } else i++;
    }
  };

  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipSpace();
    if (state === 'value') {
      if (i >= n) return at('the text ends where a value belongs');
      const c = text[i]!;
      if (c === '{' || c === '[') {
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          state = 'after';
        } else {
          stack.push(c === '{' ? 'object' : 'list');
          state = c === '{' ? 'key' : 'value';
        }
        continue;
      }
      if (c === '"') {
        const e = readString();
        if (e) return e;
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return at('a number is cut short (a digit must follow "-", "." and "e")');
        i = NUMBER.lastIndex;
      } else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) return at('expected a value here: a "string", a number, {an object}, [a list], true, false or null');
        i += word.length;
      }
      state = 'after';
    } else if (state === 'key') {
      if (text[i] !== '"') return at('expected a property name in double quotes (is there a comma too many?)');
      const e = readString();
      if (e) return e;
      skipSpace();
      if (text[i] !== ':') return at("expected ':' after the property name");
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? at('more text after the end of the JSON value') : null;
      const c = text[i];
      if (c === ',') {
        i++;
        state = top === 'object' ? 'key' : 'value';
      } else if (c === (top === 'object' ? '}' : ']')) {
        i++;
        stack.pop();
      } else
        return at(
          top === 'object'
            ? "expected ',' or '}' after a property's value (is a comma missing?)"
            : "expected ',' or ']' after an item of a list (is a comma missing?)",
        );
    }
  }
}

/**
 * An issue at `path` for text that JSON.parse refused: the line, the column and the reason,
 * never the text itself.
 */
export function jsonSyntaxIssue(text: string, path: string, hint: string): ScenarioIssue {
  const e = findJsonError(text);
  if (!e) return issue(path, 'not valid JSON', hint);
  const { line, column } = lineCol(text, e.offset);
  return issue(path, `not valid JSON at line ${line}, column ${column}: ${e.reason}`, hint);
}
