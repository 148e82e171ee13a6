// Templates: a gallery, and one template's merge form with a frame preview and Render.
import { h, replace, append, debounce, errorView, field } from '../dom.js';
import { showFrame } from './frame.js';

export async function render(view, ctx) {
  return ctx.id ? one(view, ctx) : gallery(view, ctx);
}

async function gallery(view, { client, signal, fail }) {
  append(view, h('h1', {}, 'Templates'));
  let page;
  try {
    page = await client.listTemplates({}, signal);
  } catch (error) { return fail(error); }
  if (!page.templates.length) return append(view, h('p', {}, 'No templates yet. Create one with POST /api/v1/templates.'));
  append(view, h('ul', { className: 'gallery', id: 'templates' }, page.templates.map((t) => {
    const count = Object.keys(t.merge_fields ?? {}).length;
    return h('li', { className: 'card', dataset: { id: t.id } },
      h('h2', {}, h('a', { href: `#/templates/${encodeURIComponent(t.id)}` }, t.name)),
      t.description ? h('p', {}, t.description) : null,
      h('p', { className: 'hint' }, `${count} merge field${count === 1 ? '' : 's'}`));
  })));
}

/** A CSS colour (name or hex) as #rrggbb for <input type=color>. */
function hexColor(value) {
  const c = document.createElement('canvas').getContext('2d');
  c.fillStyle = '#ffffff';
  c.fillStyle = String(value ?? '').slice(0, 7);
  return /^#[0-9a-f]{6}$/i.test(c.fillStyle) ? c.fillStyle : '#ffffff';
}

/** The merged value of `v` when it is exactly one {{NAME}} placeholder. */
const resolve = (v, merge) => {
  const m = typeof v === 'string' && /^\{\{\s*([A-Za-z_]\w*)\s*\}\}$/.exec(v);
  return m ? merge[m[1]] : v;
};

async function one(view, ctx) {
  const { client, id, signal } = ctx;
  const heading = h('h1', {}, 'Template');
  append(view, heading);
  let t;
  let assets = [];
  try {
    [t, assets] = await Promise.all([
      client.getTemplate(id, signal),
      client.listAssets({ limit: 100 }, signal).then((p) => p.assets ?? []).catch(() => []),
    ]);
  } catch (error) { return ctx.fail(error); }
  heading.textContent = t.name;
  document.title = `${t.name} — Reel Studio`;

  const fields = Object.entries(t.merge_fields ?? {});
  const inputs = new Map();
  const form = h('form', { id: 'template-form', className: 'card' });
  for (const [name, spec] of fields) {
    const required = !('default' in spec);
    const hint = spec.description ?? (required ? 'Required' : `Default: ${JSON.stringify(spec.default)}`);
    let input;
    if (spec.type === 'number') input = h('input', { type: 'number', step: 'any', value: spec.default ?? '', required });
    else if (spec.type === 'color') input = h('input', { type: 'color', value: hexColor(spec.default) });
    else if (spec.type === 'url') input = h('input', { type: 'url', value: spec.default ?? '', required, placeholder: 'https://… or asset://…' });
    else input = h('input', { type: 'text', value: spec.default ?? '', required });
    input.name = name;
    inputs.set(name, { input, spec, touched: false });
    input.addEventListener('input', () => { inputs.get(name).touched = true; });
    form.append(field(`${name} (${spec.type})`, input, hint));
    if (spec.type === 'url' && assets.length) {
      const pick = h('select', { on: { change: () => { if (pick.value) { input.value = pick.value; inputs.get(name).touched = true; changed(); } } } },
        h('option', { value: '' }, '—'), assets.map((a) => h('option', { value: a.url }, `${a.content_type ?? 'file'} · ${a.id}`)));
      form.append(field(`Or an uploaded asset for ${name}`, pick));
    }
  }
  if (!fields.length) form.append(h('p', {}, 'This template has no merge fields.'));

  /** The merge values: every filled field; an untouched field with a default is left to it. */
  const merge = () => {
    const values = {};
    for (const [name, { input, spec, touched }] of inputs) {
      if (!touched && 'default' in spec) continue;
      if (input.value === '' && 'default' in spec) continue;
      values[name] = spec.type === 'number' ? Number(input.value) : input.value;
    }
    return values;
  };

  const renderError = h('div');
  const renderButton = h('button', { type: 'submit', id: 'render' }, 'Render');
  if (ctx.can('write')) form.append(h('div', { className: 'row' }, renderButton), renderError);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!ctx.can('write')) return;
    replace(renderError);
    renderButton.disabled = true;
    try {
      const created = await client.renderTemplate(id, merge());
      ctx.announce(`Queued ${created.title ?? created.id}`);
      ctx.navigate(`#/compositions/${encodeURIComponent(created.id)}`);
    } catch (error) {
      replace(renderError, errorView(error, 'Not rendered: '));
      if (error.status === 401) ctx.fail(error);
    } finally {
      renderButton.disabled = false;
    }
  });

  append(view, t.description ? h('p', {}, t.description) : null, form);

  // The merged result's frame (previews count as writes, so only for write keys).
  let changed = () => {};
  if (ctx.can('write')) {
    const img = h('img', { id: 'template-preview', alt: 'Preview of the merged template at 0 s' });
    const problem = h('div');
    const slider = h('input', { type: 'range', id: 'template-time', min: 0, max: 0, step: 0.1, value: 0 });
    const readout = h('output', { attrs: { for: 'template-time' } }, '0.0 s');
    const sliderRow = h('div', { className: 'row', hidden: true }, field('Time', slider), readout);
    append(view, h('h2', {}, 'Preview'), sliderRow, h('div', { className: 'preview-box' }, img, problem));
    let controller = null;
    const durationOf = (values) => {
      const all = { ...Object.fromEntries(fields.map(([n, s]) => [n, s.default])), ...values };
      const ends = (t.composition?.clips ?? []).map((c) => Number(resolve(c.end_time, all))).filter(Number.isFinite);
      return ends.length ? Math.max(...ends) : null;
    };
    changed = debounce(async () => {
      const values = merge();
      const duration = durationOf(values);
      sliderRow.hidden = duration == null;
      if (duration != null) slider.max = String(duration);
      const time = Math.min(Number(slider.value), Math.max(0, (duration ?? 1) - 0.05));
      readout.textContent = `${time.toFixed(1)} s`;
      controller?.abort();
      controller = new AbortController();
      try {
        await showFrame(client, img, { template_id: id, merge: values, time }, controller.signal);
        img.alt = `Preview of the merged template at ${time.toFixed(1)} s`;
        replace(problem);
      } catch (error) {
        if (error.name !== 'AbortError') replace(problem, errorView(error, 'Preview: '));
      }
    }, 400);
    form.addEventListener('input', changed);
    slider.addEventListener('input', changed);
    signal.addEventListener('abort', () => controller?.abort());
    changed();
  }
}
