// API keys (admin): create (the secret is shown once), list, revoke.
import { h, replace, append, time, errorView, field } from '../dom.js';

export async function render(view, ctx) {
  const { client, signal } = ctx;
  append(view, h('h1', {}, 'API keys'));

  const name = h('input', { type: 'text', id: 'key-name', required: true, maxLength: 100 });
  const scope = h('select', { id: 'key-scope' }, ['read', 'write', 'admin', 'metrics'].map((s) => h('option', { value: s, selected: s === 'write' }, s)));
  const tenant = h('input', { type: 'text', id: 'key-tenant', placeholder: 'default', maxLength: 64 });
  const created = h('div', { id: 'key-created' });
  const form = h('form', { id: 'key-form', className: 'card narrow' },
    h('h2', {}, 'New key'),
    field('Name', name), field('Scope', scope), field('Tenant', tenant, 'Letters, digits, . _ -; empty for default'),
    h('button', { type: 'submit' }, 'Create key'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(created);
    try {
      const key = await client.createKey({ name: name.value.trim(), scope: scope.value, tenant: tenant.value.trim() || null });
      const secret = h('input', { type: 'text', id: 'key-secret', readOnly: true, value: key.key, className: 'secret' });
      const copy = h('button', { type: 'button', className: 'secondary', on: { click: async () => {
        secret.select();
        try {
          await navigator.clipboard.writeText(key.key);
          ctx.announce('Copied the key');
        } catch {
          ctx.announce('Copying was refused; the key is selected');
        }
      } } }, 'Copy');
      replace(created, h('div', { className: 'warning' },
        h('p', {}, `Key “${key.name}” (${key.scope}, tenant ${key.tenant}) created. Copy it now: it will not be shown again.`),
        h('div', { className: 'row' }, field('Secret', secret), copy)));
      secret.focus();
      secret.select();
      form.reset();
      load();
    } catch (error) {
      replace(created, errorView(error, 'Not created: '));
    }
  });

  const body = h('tbody');
  append(view, form, created, h('h2', {}, 'Keys'), h('div', { className: 'table-wrap' }, h('table', { id: 'keys' },
    h('thead', {}, h('tr', {}, ['Name', 'Hint', 'Scope', 'Tenant', 'Created', 'Revoked', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
    body)));

  async function load() {
    let keys;
    try {
      ({ keys } = await client.listKeys(signal));
    } catch (error) { return ctx.fail(error); }
    replace(body, keys.map((k) => h('tr', { dataset: { id: k.id } },
      h('td', {}, k.name), h('td', {}, h('code', {}, k.hint)), h('td', {}, k.scope), h('td', {}, k.tenant),
      h('td', {}, time(k.created_at)), h('td', {}, k.revoked_at ? time(k.revoked_at) : 'No'),
      h('td', { className: 'actions' }, !k.revoked_at && h('button', { type: 'button', className: 'small danger', title: `Revoke ${k.name}`, on: { click: async () => {
        if (!confirm(`Revoke the key “${k.name}”? It stops working at once.`)) return;
        try {
          await client.revokeKey(k.id);
          ctx.announce(`Revoked ${k.name}`);
          load();
        } catch (error) { ctx.fail(error, 'Revoke'); }
      } } }, 'Revoke')))));
    if (!keys.length) body.append(h('tr', {}, h('td', { colSpan: 7 }, 'No keys.')));
  }
  await load();
}
