// The compositions list: filter, paging, live progress from one SSE stream on /api/v1/events.
import { h, replace, append, seconds, time, debounce, errorView, field } from '../dom.js';

const STATUSES = ['pending', 'queued', 'processing', 'completed', 'failed', 'cancelled'];
const LIMIT = 20;
const ACTIVE = new Set(['pending', 'queued', 'processing']);

/** A status cell's text and class. */
export function statusCell(status) {
  return h('td', { className: `status status-${status}` }, status);
}

/** Duration of a composition: its last clip's end. */
export function durationOf(c) {
  const ends = (c.clips ?? []).map((clip) => clip.end_time).filter(Number.isFinite);
  return ends.length ? Math.max(...ends) : null;
}

/** Cancel / Delete / Duplicate buttons for a composition, per scope; `done()` after a change. */
export function actionButtons(c, ctx, done) {
  if (!ctx.can('write')) return [];
  const title = c.title || c.id;
  const cancel = ACTIVE.has(c.status) && h('button', { type: 'button', className: 'small secondary', title: `Cancel ${title}`, on: { click: async () => {
    try {
      await ctx.client.cancel(c.id);
      ctx.announce(`Cancelled ${title}`);
      done('cancelled');
    } catch (error) { ctx.fail(error, 'Cancel'); }
  } } }, 'Cancel');
  const del = h('button', { type: 'button', className: 'small danger', title: `Delete ${title}`, on: { click: async () => {
    if (!confirm(`Delete “${title}” and its files?`)) return;
    try {
      await ctx.client.delete(c.id);
      ctx.announce(`Deleted ${title}`);
      done('deleted');
    } catch (error) { ctx.fail(error, 'Delete'); }
  } } }, 'Delete');
  const dup = h('button', { type: 'button', className: 'small secondary', title: `Duplicate ${title} into the editor`,
    on: { click: () => ctx.navigate(`#/editor?from=${encodeURIComponent(c.id)}`) } }, 'Duplicate');
  return [cancel, dup, del];
}

export async function render(view, ctx) {
  const { client, query, signal } = ctx;
  const status = query.get('status') ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  append(view, h('h1', {}, 'Compositions'));

  const select = h('select', { id: 'status-filter', on: { change: () => go(select.value, 0) } },
    h('option', { value: '' }, 'All'), STATUSES.map((s) => h('option', { value: s, selected: s === status }, s)));
  const tools = h('div', { className: 'row' }, field('Status', select),
    ctx.can('write') && h('a', { className: 'button', href: '#/editor' }, 'New composition'));
  const body = h('tbody');
  const table = h('table', { id: 'compositions' },
    h('caption', { className: 'hint' }, 'Compositions, newest first'),
    h('thead', {}, h('tr', {}, ['Title', 'Status', 'Progress', 'Duration', 'Created', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
    body);
  const pager = h('div', { className: 'row', id: 'pager' });
  const errors = h('div');
  append(view, tools, h('div', { className: 'table-wrap' }, table), pager, errors);

  function go(s, o) {
    const q = new URLSearchParams();
    if (s) q.set('status', s);
    if (o) q.set('offset', o);
    ctx.navigate(`#/compositions${q.size ? `?${q}` : ''}`);
  }

  const rows = new Map();
  let newest = 0; // the newest created_at listed (server clock), to skip replayed old events
  async function load() {
    let page;
    try {
      page = await client.listCompositions({ status, offset, limit: LIMIT }, signal);
    } catch (error) { return ctx.fail(error); }
    replace(errors);
    rows.clear();
    newest = Math.max(0, ...page.compositions.map((c) => Date.parse(c.created_at) || 0));
    replace(body, page.compositions.map(row));
    if (!page.compositions.length) body.append(h('tr', {}, h('td', { colSpan: 6 }, 'No compositions.')));
    const first = page.total ? page.offset + 1 : 0;
    const last = page.offset + page.compositions.length;
    replace(pager,
      h('button', { type: 'button', className: 'secondary', disabled: offset === 0, on: { click: () => go(status, Math.max(0, offset - LIMIT)) } }, 'Previous'),
      h('span', { id: 'range' }, `${first}–${last} of ${page.total}`),
      h('button', { type: 'button', className: 'secondary', disabled: last >= page.total, on: { click: () => go(status, offset + LIMIT) } }, 'Next'));
  }

  function row(c) {
    const progress = h('progress', { className: 'progress', max: 100, value: c.overall_progress ?? 0, 'aria-label': `Progress of ${c.title || c.id}` });
    const progressText = h('span', { className: 'progress-text' }, `${Math.round(c.overall_progress ?? 0)}%`);
    const statusTd = statusCell(c.status);
    const actions = h('td', { className: 'actions' });
    const tr = h('tr', { dataset: { id: c.id } },
      h('td', {}, h('a', { href: `#/compositions/${encodeURIComponent(c.id)}` }, c.title || c.id)),
      statusTd, h('td', {}, progress, ' ', progressText), h('td', {}, seconds(durationOf(c))), h('td', {}, time(c.created_at)), actions);
    const entry = { c, tr, progress, progressText, statusTd, actions };
    const fill = () => replace(actions, actionButtons(entry.c, ctx, refresh));
    entry.fill = fill;
    fill();
    rows.set(c.id, entry);
    return tr;
  }

  const refresh = debounce(load, 400);
  const pending = new Map();
  function drawProgress() {
    for (const [entry, value] of pending) {
      // Whole percents only: a bar 120 px wide shows no finer step, and each change is a paint.
      const percent = Math.round(value);
      if (entry.progress.value === percent) continue;
      entry.progress.value = percent;
      entry.progressText.textContent = `${percent}%`;
    }
    pending.clear();
  }
  await load();

  // One stream for every composition of the tenant; rows change in place. The stream first
  // replays stored events, so one older than what the row (or the page) shows is skipped.
  client.stream('/api/v1/events', {
    signal,
    onEvent({ type, json }) {
      const id = json?.composition_id ?? json?.data?.composition_id;
      if (!id) return;
      const entry = rows.get(id);
      const at = Date.parse(json.timestamp);
      if (!entry) {
        if (offset === 0 && type !== 'composition.progress' && type !== 'composition.deleted' && at >= newest) refresh();
        return;
      }
      if (type === 'composition.progress') {
        // Progress arrives up to 4 times a second per composition: every row's is drawn
        // together, 4 times a second, so fifty running renders cost four paints a second.
        pending.set(entry, json.progress);
        if (pending.size === 1) setTimeout(() => requestAnimationFrame(drawProgress), 250);
        return;
      }
      const data = json.data;
      if (at < Date.parse(entry.c.updated_at)) return;
      if (type === 'composition.deleted') { entry.tr.remove(); rows.delete(id); return; }
      if (status && data.status !== status) { refresh(); return; }
      entry.c = { ...entry.c, status: data.status, overall_progress: data.progress, updated_at: json.timestamp };
      entry.progress.value = data.progress;
      entry.progressText.textContent = `${Math.round(data.progress)}%`;
      entry.statusTd.className = `status status-${data.status}`;
      entry.statusTd.textContent = data.status;
      entry.fill();
    },
  }).catch((error) => append(errors, errorView(error, 'Live updates stopped: ')));
}
