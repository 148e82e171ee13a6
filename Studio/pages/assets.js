// Assets: drag-and-drop (or choose) upload with progress, then the list with thumbnails.
import { h, replace, append, bytes, seconds, time, errorView } from '../dom.js';

const LIMIT = 20;

export async function render(view, ctx) {
  const { client, query, signal } = ctx;
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  append(view, h('h1', {}, 'Assets'));
  const messages = h('div', { id: 'upload-messages' });

  if (ctx.can('write')) {
    const input = h('input', { type: 'file', id: 'file-input', multiple: true });
    const progress = h('progress', { id: 'upload-progress', max: 1, value: 0, hidden: true, 'aria-label': 'Upload progress' });
    const zone = h('div', { className: 'drop', id: 'dropzone' },
      h('p', {}, 'Drop video, image or audio files here, or'),
      h('label', { for: 'file-input' }, 'Choose files'), ' ', input, h('p', {}, progress));
    const upload = async (files) => {
      for (const file of files) {
        progress.hidden = false;
        progress.value = 0;
        ctx.announce(`Uploading ${file.name}`);
        try {
          const asset = await client.uploadAsset(file, (f) => { progress.value = f; });
          append(messages, h('p', {}, `Uploaded ${file.name} as `, h('code', {}, asset.url), ' — ',
            h('a', { href: `#/editor?asset=${encodeURIComponent(asset.url)}` }, 'Use in editor')));
          ctx.announce(`Uploaded ${file.name}`);
        } catch (error) {
          append(messages, errorView(error, `Upload of ${file.name} failed: `));
          if (error.status === 401) ctx.fail(error);
        }
      }
      progress.hidden = true;
      load();
    };
    input.addEventListener('change', () => { upload([...input.files]); input.value = ''; });
    zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      upload([...e.dataTransfer.files]);
    });
    append(view, zone);
  }

  const body = h('tbody');
  const pager = h('div', { className: 'row' });
  append(view, messages, h('h2', {}, 'Uploaded'), h('div', { className: 'table-wrap' }, h('table', { id: 'assets' },
    h('thead', {}, h('tr', {}, ['Preview', 'Asset', 'Type', 'Size', 'Duration', 'Created', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
    body)), pager);

  async function load() {
    let page;
    try {
      page = await client.listAssets({ offset, limit: LIMIT }, signal);
    } catch (error) { return ctx.fail(error); }
    replace(body, page.assets.map((a) => h('tr', { dataset: { id: a.id } },
      h('td', {}, a.thumbnail_url ? h('img', { className: 'thumb', src: a.thumbnail_url, alt: `${a.content_type} ${a.id}`, loading: 'lazy' }) : '—'),
      h('td', {}, h('code', {}, a.url)),
      h('td', {}, a.content_type ?? '—'),
      h('td', {}, bytes(a.size_bytes)),
      h('td', {}, seconds(a.duration), a.width && a.height ? ` · ${a.width}×${a.height}` : ''),
      h('td', {}, time(a.created_at)),
      h('td', { className: 'actions' }, ctx.can('write') && h('a', { href: `#/editor?asset=${encodeURIComponent(a.url)}` }, 'Use in editor')))));
    if (!page.assets.length) body.append(h('tr', {}, h('td', { colSpan: 7 }, 'No assets yet.')));
    const last = page.offset + page.assets.length;
    const go = (o) => ctx.navigate(`#/assets${o ? `?offset=${o}` : ''}`);
    replace(pager,
      h('button', { type: 'button', className: 'secondary', disabled: offset === 0, on: { click: () => go(Math.max(0, offset - LIMIT)) } }, 'Previous'),
      h('span', {}, `${page.total ? page.offset + 1 : 0}–${last} of ${page.total}`),
      h('button', { type: 'button', className: 'secondary', disabled: last >= page.total, on: { click: () => go(offset + LIMIT) } }, 'Next'));
  }

  await load();
}
