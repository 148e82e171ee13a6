// Tiny DOM helpers. API data is only ever inserted as text nodes or properties, never as HTML.

/**
 * Creates an element. `props`: properties (`className`, `id`, `value`, `hidden`…), `dataset`,
 * `on` ({event: handler}), `attrs` (setAttribute; `style` and `on*` are refused), `aria-*`.
 * Children: nodes, strings (text nodes), numbers, arrays, null/false (skipped).
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (key === 'attrs') for (const [name, v] of Object.entries(value)) setAttr(el, name, v);
    else if (key.startsWith('aria-') || key === 'role' || key === 'for' || key === 'scope') setAttr(el, key, value);
    else el[key] = value;
  }
  return append(el, ...children);
}

function setAttr(el, name, value) {
  if (value == null || value === false) return;
  if (name === 'style' || name.startsWith('on')) throw new Error(`refused attribute ${name}`);
  el.setAttribute(name, value === true ? '' : String(value));
}

/** Appends children (see `h`) to `el`. */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, ...children);
}

/** "1.2 MB" */
export function bytes(n) {
  if (n == null) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return `${i ? n.toFixed(n < 10 ? 1 : 0) : n} ${units[i]}`;
}

/** "12.5 s" */
export function seconds(s) {
  return s == null ? '—' : `${Math.round(s * 10) / 10} s`;
}

/** A readable local date-time, with the ISO text kept in a <time> element. */
export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return h('time', { dateTime: iso }, isNaN(d) ? iso : d.toLocaleString());
}

/** Calls `fn` `ms` after the last call. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

/** A labelled form field: <div class="field"><label>…</label>control</div>. */
export function field(label, control, hint) {
  control.id ||= `f-${Math.random().toString(36).slice(2, 9)}`;
  const hintEl = hint ? h('p', { className: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { className: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

/** Why a call failed, as an alert: the API's message, its field details and request id. */
export function errorView(error, prefix = '') {
  const why = error?.status === 401 ? 'Not signed in: ' : error?.status === 403 ? 'Not allowed: ' : '';
  return h('div', { className: 'error', role: 'alert' },
    // A 422's message already says its first problem: the list is shown instead of it.
    h('p', {}, prefix, why, error?.details?.length ? 'The request has problems:' : error?.message ?? String(error)),
    error?.details?.length ? h('ul', {}, error.details.map((d) => h('li', {}, d.field ? `${d.field}: ` : '', d.message ?? ''))) : null,
    error?.request_id ? h('p', { className: 'hint' }, `Request id ${error.request_id}`) : null);
}

/** Strips null values (recursively) from a JSON value, so an echoed request reads cleanly. */
export function compact(value) {
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v != null).map(([k, v]) => [k, compact(v)]));
  }
  return value;
}

/** The request part of a Composition (what was POSTed), for duplicating it. */
export function requestOf(composition) {
  const keys = ['title', 'description', 'priority', 'metadata', 'webhook_url', 'clips', 'audio', 'overlays', 'output', 'captions'];
  return compact(Object.fromEntries(keys.filter((k) => k in composition).map((k) => [k, composition[k]])));
}
