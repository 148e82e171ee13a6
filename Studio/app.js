// Reel Studio: sign-in, scope, hash router. Each page is a module loaded on first visit; its
// `render(view, ctx)` adds the page's h1 before its first await, then fills the view.
import { ReelClient, ReelAPIError } from './reel-client.js';
import { h, replace, errorView } from './dom.js';

const KEY = 'reel-studio-key';
const client = new ReelClient({ key: sessionStorage.getItem(KEY) });
const main = document.getElementById('main');
const statusRegion = document.getElementById('status');
const nav = document.getElementById('nav');
let me = null;
let current = null;
let firstRoute = true;

const routes = {
  compositions: () => import('./pages/compositions.js'),
  composition: () => import('./pages/composition.js'),
  editor: () => import('./pages/editor.js'),
  assets: () => import('./pages/assets.js'),
  templates: () => import('./pages/templates.js'),
  keys: () => import('./pages/keys.js'),
  system: () => import('./pages/system.js'),
};
// The scope each page needs.
const needs = { compositions: 'read', composition: 'read', editor: 'write', assets: 'read', templates: 'read', keys: 'admin', system: 'any' };

/** Whether the signed-in scope covers `needed` (read < write < admin; metrics only itself). */
function can(needed) {
  const scope = me?.scope;
  if (!scope) return false;
  if (needed === 'any' || scope === 'admin') return true;
  if (needed === 'metrics') return scope === 'metrics';
  if (needed === 'read') return scope === 'read' || scope === 'write';
  return needed === 'write' && scope === 'write';
}

/** Says `message` in the live region. */
function announce(message) {
  statusRegion.textContent = '';
  setTimeout(() => { statusRegion.textContent = message; }, 50);
}

function parseHash() {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  let parts;
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    parts = ['not-found']; // a malformed escape names no page
  }
  let name = parts[0] || (can('read') ? 'compositions' : 'system');
  if (name === 'compositions' && parts[1]) name = 'composition';
  return { name, id: parts[1] ?? null, query: new URLSearchParams(search) };
}

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  if (!me) return;
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const { name, id, query } = parseHash();
  const view = h('div', { className: 'view' });
  replace(main, view);
  for (const a of nav.querySelectorAll('a')) {
    const active = a.getAttribute('href') === `#/${name === 'composition' ? 'compositions' : name}`;
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const fail = (error, where) => {
    if (error?.name === 'AbortError' || controller.signal.aborted) return;
    view.append(errorView(error, where ? `${where}: ` : ''));
    announce(error?.message ?? String(error));
    if (error instanceof ReelAPIError && error.status === 401) signIn(error.message);
  };
  if (!Object.hasOwn(routes, name)) {
    replace(view, h('h1', { tabIndex: -1 }, 'Not found'), h('p', {}, 'There is no such page. ', h('a', { href: '#/compositions' }, 'Go to compositions')));
    focusHeading(view);
    return;
  }
  if (!can(needs[name])) {
    replace(view, h('h1', { tabIndex: -1 }, 'Not allowed'), h('p', {}, `A ${me.scope} key cannot use this page.`));
    focusHeading(view);
    return;
  }
  const ctx = { client, me, can, announce, fail, navigate, id, query, signal: controller.signal };
  try {
    const page = await routes[name]();
    if (controller.signal.aborted) return;
    const done = page.render(view, ctx);
    focusHeading(view);
    await done;
  } catch (error) {
    fail(error);
  }
}

function focusHeading(view) {
  const h1 = view.querySelector('h1');
  if (h1) {
    h1.tabIndex = -1;
    document.title = `${h1.textContent} — Reel Studio`;
    if (!firstRoute) h1.focus();
  }
  firstRoute = false;
}

/** Shows the sign-in form in place of the page. */
function signIn(reason) {
  me = null;
  current?.abort();
  applyScope();
  const input = h('input', { id: 'api-key', name: 'key', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { id: 'sign-in-message' });
  const form = h('form', { id: 'sign-in-form', className: 'card narrow', on: { submit: async (event) => {
    event.preventDefault();
    client.key = input.value.trim();
    replace(message);
    try {
      await identify();
      sessionStorage.setItem(KEY, client.key);
      announce('Signed in');
      route();
    } catch (error) {
      client.key = null;
      replace(message, errorView(error));
      input.focus();
    }
  } } },
  h('div', { className: 'field' }, h('label', { for: 'api-key' }, 'API key'), input),
  h('button', { type: 'submit' }, 'Sign in'),
  message);
  const view = h('div', { className: 'view' }, h('h1', { tabIndex: -1 }, 'Sign in'),
    h('p', {}, reason ? `Reel asks for an API key: ${reason}` : 'Reel asks for an API key.'),
    h('p', { className: 'hint' }, 'The key is kept in this tab only (session storage) and sent as an Authorization header.'),
    form);
  replace(main, view);
  document.title = 'Sign in — Reel Studio';
  input.focus();
}

async function identify() {
  me = await client.me();
  applyScope();
}

/** Shows the nav entries the scope allows, and who is signed in. */
function applyScope() {
  nav.hidden = !me;
  for (const li of nav.querySelectorAll('li')) li.hidden = !can(li.dataset.scope);
  const identity = document.getElementById('identity');
  identity.textContent = me ? `${me.scope} · ${me.tenant}` : '';
  document.getElementById('sign-out').hidden = !(me && client.key);
}

document.getElementById('sign-out').addEventListener('click', () => {
  sessionStorage.clear(); // the key, and the editor's draft: the next key may be another tenant's
  client.key = null;
  announce('Signed out');
  start();
});

document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', route);

async function start() {
  try {
    await identify();
    route();
  } catch (error) {
    if (error.status === 401) {
      sessionStorage.clear();
      client.key = null;
      signIn(error.message);
    } else {
      replace(main, h('h1', {}, 'Reel is not answering'), errorView(error));
    }
  }
}

start();
