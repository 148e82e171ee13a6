// One composition: player with storyboard scrubbing, stages, events, webhooks, metadata.
import { h, replace, append, bytes, seconds, time, errorView, requestOf } from '../dom.js';
import { actionButtons, durationOf } from './compositions.js';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const AUDIO = new Set(['mp3', 'm4a', 'wav']);

export async function render(view, ctx) {
  const { client, id, signal } = ctx;
  const heading = h('h1', {}, 'Composition');
  const body = h('div');
  append(view, heading, body);
  let following = false;

  async function load() {
    let c;
    try {
      c = await client.getComposition(id, signal);
    } catch (error) { return ctx.fail(error); }
    heading.textContent = c.title || c.id;
    document.title = `${heading.textContent} — Reel Studio`;
    const status = h('span', { className: `status status-${c.status}`, id: 'composition-status' }, c.status);
    const progress = h('progress', { className: 'progress', max: 100, value: c.overall_progress ?? 0, 'aria-label': 'Progress' });
    const stages = h('ul', { id: 'stages' });
    const output = h('section', { 'aria-label': 'Output' });
    const events = h('ol', { id: 'events' });
    const hooks = h('div', { id: 'webhooks' });
    const meta = h('div', { id: 'metadata' });
    const curlBox = h('div');
    replace(body,
      h('div', { className: 'row' }, h('span', {}, 'Status: ', status), progress,
        h('span', {}, `Duration ${seconds(durationOf(c))}`), h('span', {}, 'Created ', time(c.created_at))),
      h('div', { className: 'row' },
        actionButtons(c, ctx, (what) => (what === 'deleted' ? ctx.navigate('#/compositions') : load())),
        h('button', { type: 'button', className: 'secondary', id: 'copy-curl', on: { click: () => copyCurl(c, ctx, curlBox) } }, 'Copy as curl')),
      curlBox,
      c.error_message && h('div', { className: 'error', role: 'alert' }, h('p', {}, c.error_message)),
      output,
      h('h2', {}, 'Stages'), stages,
      h('h2', {}, 'Events'), events,
      h('h2', {}, 'Webhook deliveries'), hooks,
      h('h2', {}, 'Metadata'), meta);
    const quiet = (where) => (error) => error.name !== 'AbortError' && where.append(errorView(error));
    fillStages(stages, ctx).catch(quiet(stages));
    fillEvents(events, ctx).catch(quiet(events));
    fillWebhooks(hooks, ctx).catch(quiet(hooks));
    fillMetadata(meta, ctx).catch(quiet(meta));
    if (c.status === 'completed') await showOutput(output, ctx).catch(quiet(output));
    if (!TERMINAL.has(c.status) && !following) follow(progress, status, stages);
  }

  // While not finished: the composition's own stream (it ends after the terminal event).
  function follow(progress, status, stages) {
    following = true;
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    client.stream(`/api/v1/compositions/${encodeURIComponent(id)}/events`, {
      signal: controller.signal,
      onEvent({ type, json }) {
        if (type === 'composition.progress') {
          progress.value = json.progress;
          const stage = stages.querySelector(`[data-stage="${CSS.escape(json.stage ?? '')}"]`);
          if (stage) stage.dataset.current = 'true';
          return;
        }
        if (!json?.data) return;
        progress.value = json.data.progress;
        status.textContent = json.data.status;
        status.className = `status status-${json.data.status}`;
        if (TERMINAL.has(json.data.status) || type === 'composition.deleted') {
          controller.abort();
          following = false;
          ctx.announce(`Composition ${json.data.status}`);
          if (type !== 'composition.deleted') load();
        }
      },
    }).catch((error) => append(body, errorView(error, 'Live updates stopped: ')));
  }

  await load();
}

async function fillStages(list, { client, id, signal }) {
  const s = await client.status(id, signal);
  replace(list, (s.stages ?? []).map((stage) =>
    h('li', { dataset: { stage: stage.name } }, `${stage.name}: ${stage.status}`,
      stage.progress != null ? ` (${Math.round(stage.progress)}%)` : '')));
  if (!s.stages?.length) list.append(h('li', {}, `Current stage: ${s.current_stage ?? s.status}`));
}

async function fillEvents(list, { client, id, signal }) {
  const { events } = await client.events(id, {}, signal);
  replace(list, events.map((e) => h('li', {}, time(e.timestamp), ` ${e.type} — ${e.data.status}, ${Math.round(e.data.progress ?? 0)}%`,
    e.data.attempt > 1 ? `, attempt ${e.data.attempt}` : '', e.data.error_message ? `: ${e.data.error_message}` : '')));
  if (!events.length) list.append(h('li', {}, 'No events recorded.'));
}

async function fillWebhooks(box, { client, id, signal }) {
  const { deliveries } = await client.webhooks(id, signal);
  if (!deliveries.length) return replace(box, h('p', {}, 'No webhook deliveries.'));
  const attempts = (d) => h('ol', {}, d.attempts.map((a) => h('li', {}, time(a.at),
    ` ${a.status_code ?? 'no answer'}, ${a.duration_ms} ms`, a.error ? ` — ${a.error}` : '')));
  const rows = deliveries.map((d) => h('tr', {},
    h('td', {}, String(d.event_id)), h('td', {}, d.type), h('td', {}, d.url),
    h('td', {}, d.state, d.next_attempt_at ? [' (next ', time(d.next_attempt_at), ')'] : ''),
    h('td', {}, attempts(d))));
  const head = h('tr', {}, ['Event', 'Type', 'URL', 'State', 'Attempts'].map((t) => h('th', { scope: 'col' }, t)));
  replace(box, h('div', { className: 'table-wrap' }, h('table', { id: 'webhook-attempts' }, h('thead', {}, head), h('tbody', {}, rows))));
}

async function fillMetadata(box, { client, id, signal }) {
  const m = await client.metadata(id, signal);
  const r = m.resource_metrics ?? {};
  const o = m.output_file;
  const pairs = [
    ['Queue wait', seconds(r.queue_wait_time_seconds)], ['Processing', seconds(r.processing_time_seconds)],
    ['Total', seconds(r.total_time_seconds)], ['Attempts', r.attempts],
    ...(o ? [['Output format', o.format], ['Output size', bytes(o.size_bytes)], ['Output duration', seconds(o.duration_seconds)],
      ['Resolution', o.resolution], ['Frame rate', o.fps], ['Video codec', o.codec], ['Audio codec', o.audio_codec],
      ['Bitrate', o.bitrate]] : []),
    ['Applied effects', (m.applied_effects ?? []).join(', ') || '—'],
  ];
  replace(box,
    m.warnings?.length ? h('div', { className: 'warning', id: 'warnings' }, h('p', {}, 'Warnings'), h('ul', {}, m.warnings.map((w) => h('li', {}, w)))) : null,
    h('dl', { className: 'meta' }, pairs.filter(([, v]) => v != null).map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])),
    h('details', {}, h('summary', {}, 'Probed inputs and output (ffprobe) as JSON'),
      h('pre', {}, JSON.stringify({ input_files: m.input_files, output_file: m.output_file, cache: m.cache }, null, 2))));
}

/** The player (video, audio or gif), download link and storyboard scrubbing. */
async function showOutput(box, { client, id, signal }) {
  const d = await client.download(id, signal);
  const wrap = h('div', { className: 'player-wrap' });
  replace(box, h('h2', {}, 'Output'), wrap);
  let player;
  let note = null;
  if (d.format === 'gif') {
    player = h('img', { id: 'player', src: d.download_url, alt: 'The rendered GIF' });
  } else if (AUDIO.has(d.format)) {
    player = h('audio', { id: 'player', controls: true, src: d.download_url });
  } else {
    player = h('video', { id: 'player', controls: true, preload: 'metadata', poster: d.poster_url || d.thumbnail_url || undefined });
    if (d.format === 'hls') {
      const mp4 = d.renditions?.[0]; // MP4 renditions, largest first
      if (player.canPlayType('application/vnd.apple.mpegurl')) player.src = d.download_url;
      else if (mp4) player.src = mp4.url;
      else note = 'This is an HLS stream; this browser cannot play it directly. Open the playlist in an HLS player.';
    } else {
      player.src = d.download_url;
    }
    if (d.captions_url) player.append(h('track', { kind: 'captions', src: d.captions_url, srclang: 'en', label: 'Captions' }));
  }
  append(wrap, player, note && h('p', { className: 'hint' }, note));
  if (player.tagName === 'VIDEO' && d.storyboard_vtt_url) {
    storyboard(wrap, player, d.storyboard_vtt_url, signal).catch(() => {});
  }
  append(box,
    d.draft ? h('p', { className: 'warning' }, 'Draft quality: a fast proxy for checking timing and sound.') : null,
    h('p', {}, h('a', { href: d.download_url, download: d.filename || '', id: 'download' }, `Download ${d.filename || ''}`),
      ` (${d.format}, ${bytes(d.file_size_bytes)}; link expires `, time(d.expires_at), ')'),
    d.renditions?.length ? h('ul', {}, d.renditions.map((r) => h('li', {}, h('a', { href: r.url }, `${r.name} (${r.width}×${r.height})`)))) : null);
}

/** Parses a storyboard WebVTT: cues whose text is `sheet.jpg#xywh=x,y,w,h`, URLs resolved against the VTT. */
export function parseStoryboard(text, base) {
  const stamp = (s) => s.trim().split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  const cues = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('-->')) continue;
    const [start, end] = lines[i].split('-->').map((s) => stamp(s.trim().split(/\s+/)[0]));
    const target = (lines[i + 1] ?? '').trim();
    const match = /#xywh=(\d+),(\d+),(\d+),(\d+)/.exec(target);
    if (!match) continue;
    const [x, y, w, hgt] = match.slice(1).map(Number);
    cues.push({ start, end, url: new URL(target.split('#')[0], base).href, x, y, w, h: hgt });
  }
  return cues;
}

async function storyboard(wrap, video, vttURL, signal) {
  const response = await fetch(vttURL, { signal });
  if (!response.ok) return;
  const cues = parseStoryboard(await response.text(), new URL(vttURL, location.href));
  if (!cues.length) return;
  const tile = h('div', { className: 'scrub-tile', hidden: true });
  const label = h('span', { className: 'scrub-time' });
  const bar = h('div', { className: 'scrub-bar', id: 'scrub-bar', title: 'Hover for a preview, click to seek', attrs: { 'aria-hidden': 'true' } }, tile);
  tile.append(label);
  wrap.append(bar);
  const length = () => (Number.isFinite(video.duration) && video.duration) || cues.at(-1).end;
  const at = (event) => {
    const rect = bar.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    return { t: fraction * length(), x: fraction * rect.width, width: rect.width };
  };
  bar.addEventListener('mousemove', (event) => {
    const { t, x, width } = at(event);
    const cue = cues.find((c) => t >= c.start && t < c.end) ?? cues.at(-1);
    tile.hidden = false;
    tile.style.backgroundImage = `url("${cue.url.replace(/"/g, '%22')}")`;
    tile.style.backgroundPosition = `-${cue.x}px -${cue.y}px`;
    tile.style.width = `${cue.w}px`;
    tile.style.height = `${cue.h}px`;
    tile.style.left = `${Math.min(Math.max(0, x - cue.w / 2), Math.max(0, width - cue.w))}px`;
    label.textContent = `${t.toFixed(1)} s`;
  });
  bar.addEventListener('mouseleave', () => { tile.hidden = true; });
  bar.addEventListener('click', (event) => { video.currentTime = at(event).t; });
}

/** Copies a curl command recreating the composition; the key stays a $REEL_API_KEY placeholder. */
async function copyCurl(c, ctx, box) {
  const json = JSON.stringify(requestOf(c));
  const auth = ctx.me.keys_required ? ` -H "Authorization: Bearer $REEL_API_KEY"` : '';
  const command = `curl -X POST ${location.origin}/api/v1/compositions -H 'Content-Type: application/json'${auth} -d '${json.replace(/'/g, `'\\''`)}'`;
  try {
    await navigator.clipboard.writeText(command);
    ctx.announce('Copied the curl command');
    replace(box);
  } catch {
    const area = h('textarea', { id: 'curl', readOnly: true, rows: 4, cols: 80, value: command });
    replace(box, h('div', { className: 'field' }, h('label', { for: 'curl' }, 'curl command (copy it from here)'), area));
    area.select();
    ctx.announce('Copying was refused; the command is selected below');
  }
}
