// The JSON editor: line gutter with problem markers, validation as you type, a timeline of
// clips, overlays, audio and captions, a frame preview, and Submit.
import { h, replace, append, debounce, errorView, field, requestOf } from '../dom.js';
import { locate, spanOf } from '../json-locate.js';
import { showFrame } from './frame.js';

const DRAFT = 'reel-studio-draft';

/** A starter composition around a source URL (an uploaded asset or an example). */
export function starter(url, { image = false, duration = null } = {}) {
  const end = Math.round(Math.min(duration ?? 5, 10) * 10) / 10 || 5;
  return {
    title: 'My composition',
    clips: [{ [image ? 'image_url' : 'video_url']: url, start_time: 0, end_time: end }],
    overlays: [{ text: 'Hello from Reel', position: 'bottom_center', start_time: 0, end_time: Math.min(3, end) }],
    output: { resolution: '720p', format: 'mp4' },
  };
}

const fromAsset = (a) => starter(a.url, { image: /^image\//.test(a.content_type ?? ''), duration: a.duration });

/** The first content: a duplicated composition, an asset, the tab's draft, or a starter. */
async function initial({ client, query, signal }) {
  const from = query.get('from');
  if (from) return JSON.stringify(requestOf(await client.getComposition(from, signal)), null, 2);
  const asset = query.get('asset');
  if (asset) {
    const id = asset.replace(/^asset:\/\//, '');
    const found = await client.getAsset(id, signal).catch(() => ({ url: `asset://${id}` }));
    return JSON.stringify(fromAsset({ ...found, url: `asset://${id}` }), null, 2);
  }
  const draft = sessionStorage.getItem(DRAFT);
  if (draft) return draft;
  const latest = await client.listAssets({ limit: 1 }, signal).then((page) => page.assets?.[0]).catch(() => null);
  return JSON.stringify(latest ? fromAsset(latest) : starter('https://example.com/video.mp4'), null, 2);
}

/** Timeline items: {track, label, start, end, path, transition?}. */
function items(c) {
  const list = [];
  const clips = Array.isArray(c.clips) ? c.clips : [];
  const duration = Math.max(0, ...clips.map((k) => Number(k?.end_time) || 0));
  clips.forEach((k, i) => {
    const t = k?.transition;
    list.push({ track: 'clips', kind: 'clip', label: `Clip ${i + 1}${k?.image_url ? ' (image)' : ''}`, start: Number(k?.start_time) || 0,
      end: Number(k?.end_time) || 0, path: `clips[${i}]`,
      transition: t && t.type !== 'cut' ? { type: t.type, duration: Number(t.duration ?? 1) } : null });
  });
  (Array.isArray(c.overlays) ? c.overlays : []).forEach((o, i) => list.push({
    track: 'overlays', kind: 'overlay', label: o?.text ?? (o?.video_url ? 'Video' : 'Image'),
    start: Number(o?.start_time) || 0, end: Number(o?.end_time ?? duration) || duration, path: `overlays[${i}]` }));
  if (c.audio?.music_url) list.push({ track: 'audio', kind: 'audio', label: 'Music', start: 0, end: duration, path: 'audio.music_url' });
  if (c.audio?.voiceover_url) list.push({ track: 'audio', kind: 'audio', label: 'Voice-over', start: 0, end: duration, path: 'audio.voiceover_url' });
  if (Array.isArray(c.captions?.cues)) {
    c.captions.cues.forEach((q, i) => list.push({ track: 'captions', kind: 'caption', label: q?.text ?? '', start: Number(q?.start) || 0,
      end: Number(q?.end) || 0, path: `captions.cues[${i}]` }));
  } else if (c.captions?.url) {
    list.push({ track: 'captions', kind: 'caption', label: 'Captions file', start: 0, end: duration, path: 'captions' });
  }
  return { list, duration };
}

export async function render(view, ctx) {
  const { client, signal } = ctx;
  append(view, h('h1', {}, 'Editor'));

  const source = h('textarea', { id: 'source', attrs: { spellcheck: 'false', wrap: 'off', autocapitalize: 'off', autocomplete: 'off' }, 'aria-describedby': 'validity' });
  const gutter = h('ol', { className: 'gutter', attrs: { 'aria-hidden': 'true' } });
  const validity = h('p', { id: 'validity', role: 'status' }, 'Checking…');
  const problems = h('ul', { id: 'problems' });
  const warnings = h('ul', { id: 'warnings' });
  const submitError = h('div');
  const submit = h('button', { type: 'button', id: 'submit' }, 'Submit');
  const timeline = h('div', { id: 'timeline' });
  const scrubber = h('input', { type: 'range', id: 'scrubber', min: 0, max: 5, step: 0.1, value: 0 });
  const readout = h('output', { id: 'time-readout', attrs: { for: 'scrubber' } }, '0.0 s');
  const preview = h('img', { id: 'preview', alt: 'Frame preview at 0 s' });
  const previewError = h('div', { id: 'preview-error' });

  append(view, h('div', { className: 'editor-layout' },
    h('section', { 'aria-label': 'Source' },
      h('label', { for: 'source' }, h('strong', {}, 'Composition JSON')),
      h('div', { className: 'code' }, gutter, source),
      validity,
      h('h2', {}, 'Problems'), problems,
      h('h2', {}, 'Warnings'), warnings,
      h('div', { className: 'row' }, submit), submitError),
    h('section', { 'aria-label': 'Timeline and preview' },
      h('h2', {}, 'Timeline'), timeline,
      h('h2', {}, 'Preview'),
      h('div', { className: 'row' }, field('Time', scrubber), readout),
      h('div', { className: 'preview-box' }, preview, previewError))));

  let located = null;
  let duration = 0;
  let valid = false;
  let lineCount = 0;
  let marks = new Map(); // line → messages
  let validating = null;
  let previewing = null;

  const lineHeight = () => parseFloat(getComputedStyle(source).lineHeight) || 20;

  function paintGutter() {
    const count = source.value.split('\n').length;
    if (count !== lineCount) {
      lineCount = count;
      replace(gutter, Array.from({ length: count }, (_, i) => h('li', {}, String(i + 1))));
    }
    gutter.querySelectorAll('li.bad').forEach((li) => { li.className = ''; li.removeAttribute('title'); });
    for (const [line, messages] of marks) {
      const li = gutter.children[line - 1];
      if (li) { li.className = 'bad'; li.title = messages.join('\n'); }
    }
    gutter.scrollTop = source.scrollTop;
  }

  /** Puts the caret at the start of `line` (or selects [start, end)) and scrolls it into view. */
  function select(start, end = start) {
    source.focus();
    source.setSelectionRange(start, end);
    const line = source.value.slice(0, start).split('\n').length;
    source.scrollTop = Math.max(0, (line - 3) * lineHeight());
    gutter.scrollTop = source.scrollTop;
  }

  function showProblems(list) {
    marks = new Map();
    replace(problems, list.map((p) => {
      const span = p.line ? null : located && spanOf(located, p.field);
      const line = p.line ?? span?.line ?? 1;
      marks.set(line, [...(marks.get(line) ?? []), `${p.field}: ${p.message}`]);
      const lineStart = source.value.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
      const at = p.offset ?? span?.keyStart ?? span?.start ?? lineStart;
      return h('li', {}, h('button', { type: 'button', on: { click: () => select(at) } },
        h('span', { className: 'path' }, p.field), `: ${p.message}`, ` (line ${line})`));
    }));
    if (!list.length) problems.append(h('li', {}, 'None'));
    paintGutter();
  }

  function paintTimeline(c) {
    const { list, duration: d } = items(c);
    const scale = Math.max(d, ...list.map((i) => i.end), 0.1);
    const tracks = [['clips', 'Clips'], ['overlays', 'Overlays'], ['audio', 'Audio'], ['captions', 'Captions']];
    replace(timeline, tracks.map(([track, name]) => {
      const lane = h('div', { className: 'track-lane' });
      for (const item of list.filter((i) => i.track === track)) {
        const bar = h('button', { type: 'button', className: `bar ${item.kind}`, title: `${item.label}: ${item.start}–${item.end} s${item.transition ? `, ${item.transition.type} transition` : ''}`,
          'aria-label': `${item.label}, ${item.start} to ${item.end} s${item.transition ? `, ${item.transition.type} transition` : ''}`,
          on: { click: () => {
            timeline.querySelectorAll('.bar.selected').forEach((b) => b.classList.remove('selected'));
            bar.classList.add('selected');
            const span = located && spanOf(located, item.path);
            if (span) select(span.keyStart ?? span.start, span.end);
            scrubber.value = String(item.start);
            scrubbed();
          } } }, item.label);
        bar.style.left = `${(item.start / scale) * 100}%`;
        bar.style.width = `${(Math.max(0, item.end - item.start) / scale) * 100}%`;
        if (item.transition) {
          const mark = h('span', { className: 'transition-mark' });
          mark.style.width = `${Math.min(100, (item.transition.duration / Math.max(0.01, item.end - item.start)) * 100)}%`;
          bar.append(mark);
        }
        lane.append(bar);
      }
      return h('div', { className: 'track' }, h('span', { className: 'track-label' }, name), lane);
    }));
    return d;
  }

  async function check() {
    const text = source.value;
    sessionStorage.setItem(DRAFT, text);
    located = locate(text);
    validating?.abort();
    if (located.error) {
      valid = false;
      const e = located.error;
      validity.className = 'invalid';
      validity.textContent = `JSON syntax error at line ${e.line}, column ${e.column}`;
      showProblems([{ field: `line ${e.line}, column ${e.column}`, message: e.message, line: e.line, offset: e.offset }]);
      return;
    }
    duration = paintTimeline(located.value ?? {});
    validating = new AbortController();
    try {
      const result = await client.validate(located.value, validating.signal);
      valid = result.valid;
      if (result.duration != null) duration = result.duration;
      validity.className = valid ? 'valid' : 'invalid';
      validity.textContent = valid ? `Valid — duration ${Math.round(duration * 100) / 100} s`
        : `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`;
      showProblems(result.problems ?? []);
      replace(warnings, (result.warnings ?? []).map((w) => h('li', {}, w)));
      if (!result.warnings?.length) warnings.append(h('li', {}, 'None'));
    } catch (error) {
      if (error.name === 'AbortError') return;
      valid = false;
      validity.className = 'invalid';
      validity.textContent = `Could not validate: ${error.message}`;
      showProblems([]);
      if (error.status === 401) ctx.fail(error);
      return;
    }
    scrubber.max = String(Math.max(0.1, duration));
    if (Number(scrubber.value) > duration) scrubber.value = String(duration);
    schedulePreview();
  }

  function scrubbed() {
    readout.textContent = `${Number(scrubber.value).toFixed(1)} s`;
    schedulePreview();
  }

  const schedulePreview = debounce(async () => {
    if (!valid || !located?.value) {
      replace(previewError, h('p', { className: 'hint' }, 'Fix the problems to see a preview.'));
      return;
    }
    previewing?.abort();
    previewing = new AbortController();
    const time = Math.min(Number(scrubber.value), Math.max(0, duration - 0.05));
    try {
      // No width: Reel answers 640 px, or the output's width when that is narrower.
      await showFrame(client, preview, { composition: located.value, time }, previewing.signal);
      preview.alt = `Frame preview at ${time.toFixed(1)} s`;
      replace(previewError);
    } catch (error) {
      if (error.name !== 'AbortError') replace(previewError, errorView(error, 'Preview: '));
    }
  }, 300);

  source.addEventListener('input', debounce(check, 250));
  source.addEventListener('input', () => paintGutter());
  source.addEventListener('scroll', () => { gutter.scrollTop = source.scrollTop; });
  scrubber.addEventListener('input', scrubbed);
  signal.addEventListener('abort', () => { validating?.abort(); previewing?.abort(); });

  submit.addEventListener('click', async () => {
    replace(submitError);
    const parsed = locate(source.value);
    if (parsed.error) {
      replace(submitError, errorView(new Error(`Fix the JSON first: ${parsed.error.message} (line ${parsed.error.line})`)));
      return;
    }
    submit.disabled = true;
    try {
      const created = await client.create(parsed.value);
      sessionStorage.removeItem(DRAFT);
      ctx.announce(`Queued ${created.title ?? created.id}`);
      ctx.navigate(`#/compositions/${encodeURIComponent(created.id)}`);
    } catch (error) {
      replace(submitError, errorView(error, 'Not submitted: '));
      if (error.details?.length) showProblems(error.details.map((d) => ({ field: d.field ?? '', message: d.message ?? '' })));
      if (error.status === 401) ctx.fail(error);
    } finally {
      submit.disabled = false;
    }
  });

  try {
    source.value = await initial(ctx);
  } catch (error) {
    ctx.fail(error, 'Could not load the starting composition');
    source.value = JSON.stringify(starter('https://example.com/video.mp4'), null, 2);
  }
  paintGutter();
  await check();
}
