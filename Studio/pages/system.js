// System: detailed health, readiness, queue and workers, recent failures.
import { h, append, time, errorView } from '../dom.js';

export async function render(view, ctx) {
  const { client, signal } = ctx;
  append(view, h('h1', {}, 'System'));
  const [health, ready, queued, processing, failures] = await Promise.allSettled([
    client.health(signal),
    client.ready(signal),
    ctx.can('read') ? client.listCompositions({ status: 'queued', limit: 1 }, signal) : null,
    ctx.can('read') ? client.listCompositions({ status: 'processing', limit: 1 }, signal) : null,
    ctx.can('read') ? client.listCompositions({ status: 'failed', limit: 10 }, signal) : null,
  ]);
  if (signal.aborted) return;
  const shown = (result, fill) => (result.status === 'fulfilled' ? fill(result.value) : errorView(result.reason));

  append(view, h('h2', {}, 'Health'), shown(health, (d) => {
    const components = d.components ?? [];
    const workers = components.find((c) => c.name === 'workers')?.details ?? {};
    const queue = components.find((c) => c.name === 'queue')?.details ?? {};
    return [
      h('p', {}, 'Overall: ', h('span', { className: `status status-${d.status}`, id: 'health-status' }, d.status ?? 'unknown'),
        d.version ? ` · version ${d.version}` : ''),
      h('div', { className: 'table-wrap' }, h('table', { id: 'health' },
        h('thead', {}, h('tr', {}, ['Component', 'Status', 'Response time', 'Details'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, components.map((c) => h('tr', { dataset: { component: c.name } },
          h('td', {}, c.name), h('td', { className: 'status' }, c.status, c.error ? ` — ${c.error}` : ''),
          h('td', {}, `${Math.round((c.response_time_ms ?? 0) * 10) / 10} ms`),
          h('td', {}, summary(c.details))))))),
      h('h2', {}, 'Queue and workers'),
      h('dl', { className: 'meta', id: 'queue' },
        h('dt', {}, 'Queue depth'), h('dd', {}, String(queue.depth ?? '—')),
        h('dt', {}, 'Processing'), h('dd', {}, String(queue.processing ?? workers.running ?? '—')),
        h('dt', {}, 'Busy render slots'), h('dd', {}, `${workers.busy ?? '—'} of ${workers.slots ?? '—'}`),
        h('dt', {}, 'Workers alive'), h('dd', {}, String(workers.alive ?? '—'))),
    ];
  }));

  append(view, h('h2', {}, 'Readiness'), shown(ready, (r) => h('p', { id: 'readiness' },
    h('span', { className: 'status' }, r.status), ' — ',
    Object.entries(r.checks ?? {}).map(([k, v]) => `${k}: ${v}`).join(', '))));

  if (!ctx.can('read')) return;
  append(view, h('h2', {}, 'Compositions'), h('dl', { className: 'meta', id: 'counts' },
    h('dt', {}, 'Queued'), h('dd', {}, shown(queued, (p) => String(p.total))),
    h('dt', {}, 'Rendering'), h('dd', {}, shown(processing, (p) => String(p.total)))));
  append(view, h('h2', {}, 'Recent failures'), shown(failures, (p) => p.compositions.length
    ? h('ul', { id: 'failures' }, p.compositions.map((c) => h('li', {},
      h('a', { href: `#/compositions/${encodeURIComponent(c.id)}` }, c.title || c.id), ' — ', time(c.updated_at), ': ', c.error_message ?? 'no message')))
    : h('p', {}, 'No failed compositions.')));
}

/** "key: value" pairs of a component's details (nested values as JSON). */
function summary(details = {}) {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' · ');
}
