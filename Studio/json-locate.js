// A small JSON parser that keeps positions: syntax errors with line and column, and the text
// range of every value by its path (`clips[0].end_time`), so problems can point at lines.

/**
 * @typedef {{start: number, end: number, line: number}} Span offsets [start, end) and 1-based line
 * @typedef {{value: any, error: null | {message: string, offset: number, line: number, column: number},
 *   spans: Map<string, Span>, lineOf: (offset: number) => number}} Located
 */

/** Parses `text`. @returns {Located} */
export function locate(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const lineOf = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
  const spans = new Map();
  let i = 0;

  const fail = (message, at = i) => { throw Object.assign(new SyntaxError(message), { offset: at }); };
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const describe = () => (i >= text.length ? 'the end of the text' : `“${text[i]}”`);
  const expect = (ch) => {
    ws();
    if (text[i] !== ch) fail(`expected “${ch}” but found ${describe()}`);
    i++;
  };

  function value(path) {
    ws();
    const start = i;
    let v;
    const c = text[i];
    if (c === '{') v = object(path);
    else if (c === '[') v = array(path);
    else if (c === '"') v = string();
    else if (c === '-' || (c >= '0' && c <= '9')) v = number();
    else if (text.startsWith('true', i)) { i += 4; v = true; }
    else if (text.startsWith('false', i)) { i += 5; v = false; }
    else if (text.startsWith('null', i)) { i += 4; v = null; }
    else fail(`expected a value but found ${describe()}`);
    spans.set(path, { start, end: i, line: lineOf(start) });
    return v;
  }

  function object(path) {
    const result = {};
    i++;
    ws();
    if (text[i] === '}') { i++; return result; }
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`expected a property name in quotes but found ${describe()}`);
      const keyStart = i;
      const key = string();
      expect(':');
      const child = path ? `${path}.${key}` : key;
      result[key] = value(child);
      // A property's span starts at its key, so selecting it selects `"key": value`.
      spans.get(child).keyStart = keyStart;
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') { i++; return result; }
      fail(`expected “,” or “}” but found ${describe()}`);
    }
  }

  function array(path) {
    const result = [];
    i++;
    ws();
    if (text[i] === ']') { i++; return result; }
    for (;;) {
      result.push(value(`${path}[${result.length}]`));
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') { i++; return result; }
      fail(`expected “,” or “]” but found ${describe()}`);
    }
  }

  function string() {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] < ' ') fail('a control character (such as a line break) must be escaped in a string');
      i++;
    }
    if (i >= text.length) fail('this string is never closed', start);
    i++;
    try {
      return JSON.parse(text.slice(start, i));
    } catch {
      return fail('invalid escape in this string', start);
    }
  }

  function number() {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail(`invalid number starting at ${describe()}`);
    i += match[0].length;
    return Number(match[0]);
  }

  try {
    const v = value('');
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON`);
    return { value: v, error: null, spans, lineOf };
  } catch (error) {
    const offset = Math.min(error.offset ?? i, text.length);
    const line = lineOf(offset);
    return { value: undefined, error: { message: error.message, offset, line, column: offset - starts[line - 1] + 1 }, spans, lineOf };
  }
}

/** The span of `path`, or of its nearest enclosing value when it is absent (a missing field). */
export function spanOf(located, path) {
  let p = path ?? '';
  for (;;) {
    const span = located.spans.get(p);
    if (span) return span;
    if (!p) return null;
    const parent = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    p = parent === p ? '' : parent;
  }
}
