// The JavaScript client of Reel's HTTP API (openapi.json), usable from any ES module, in a
// browser or a runtime with fetch and WebCrypto:
//   import { ReelClient, ReelAPIError } from './reel-client.js';
//   const reel = new ReelClient({ baseURL: 'http://127.0.0.1:8000', key: 'reel_…' });
//   const video = await reel.createAndWait({ title: 'Hi', clips: [{ video_url, start_time: 0, end_time: 3 }] });
//   const file = await reel.downloadFile(video.id);  // a Blob
// Every operation of the contract has a method (OPERATIONS maps each operationId to it; a test
// holds the map to openapi.json). The key is sent only as `Authorization: Bearer KEY`.

/** A non-2xx answer in Reel's error shape `{error_code, message, details, request_id, timestamp}`. */
export class ReelAPIError extends Error {
  /**
   * @param {number} status HTTP status (0 when the network failed)
   * @param {object} [body] the parsed error body
   */
  constructor(status, body = {}) {
    const e = body && typeof body.error === 'object' ? body.error : body ?? {};
    super(e.message || `HTTP ${status}`);
    this.name = 'ReelAPIError';
    this.status = status;
    /** @type {string} machine-readable code such as `validation_error` */
    this.type = e.error_code || e.type || (status ? `http_${status}` : 'network_error');
    /** @type {{field?: string, message?: string, error_type?: string}[]} */
    this.details = Array.isArray(e.details) ? e.details : [];
    /** @type {string|undefined} the X-Request-Id, for support */
    this.request_id = e.request_id;
  }

  /** The message with every detail ("field: message"). */
  describe() {
    const details = this.details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message));
    return [this.message, ...details].join('\n');
  }
}

const query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};
const enc = encodeURIComponent;

export class ReelClient {
  /** @param {{baseURL?: string, key?: string|null}} [options] baseURL '' is the page's origin */
  constructor({ baseURL = '', key = null } = {}) {
    this.baseURL = baseURL.replace(/\/$/, '');
    this.key = key;
  }

  /** Request headers with the key. */
  headers(extra = {}) {
    return { ...(this.key ? { Authorization: `Bearer ${this.key}` } : {}), ...extra };
  }

  /**
   * Sends a request. A plain object body is sent as JSON; a Blob, string or ArrayBuffer as is.
   * @param {string} method
   * @param {string} path such as `/api/v1/compositions`
   * @param {{body?: any, headers?: object, signal?: AbortSignal, accept?: string, raw?: boolean}} [options]
   *   raw: answer the Response itself (for pictures and other blobs)
   * @returns {Promise<any>} the parsed JSON (null for 204), or the Response for raw or non-JSON answers
   * @throws {ReelAPIError} for a non-2xx answer or a network failure
   */
  async request(method, path, { body, headers = {}, signal, accept = 'application/json', raw = false } = {}) {
    const init = { method, signal, headers: this.headers({ Accept: accept, ...headers }) };
    if (body !== undefined) {
      const plain = !(body instanceof Blob || body instanceof ArrayBuffer || typeof body === 'string');
      init.body = plain ? JSON.stringify(body) : body;
      if (plain) init.headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(this.baseURL + path, init);
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new ReelAPIError(0, { message: `network error: ${error.message}` });
    }
    if (!response.ok) throw await ReelClient.errorOf(response);
    if (raw) return response;
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response;
  }

  /** The ReelAPIError of a failed Response. */
  static async errorOf(response) {
    let body = {};
    try { body = await response.json(); } catch { /* not JSON */ }
    return new ReelAPIError(response.status, body);
  }

  // Compositions

  /** @param {{status?: string, offset?: number, limit?: number}} [q] */
  listCompositions({ status, offset = 0, limit = 20 } = {}, signal) {
    return this.request('GET', `/api/v1/compositions${query({ status, offset, limit })}`, { signal });
  }
  getComposition(id, signal) { return this.request('GET', `/api/v1/compositions/${enc(id)}`, { signal }); }
  status(id, signal) { return this.request('GET', `/api/v1/compositions/${enc(id)}/status`, { signal }); }
  metadata(id, signal) { return this.request('GET', `/api/v1/compositions/${enc(id)}/metadata`, { signal }); }
  download(id, signal) { return this.request('GET', `/api/v1/compositions/${enc(id)}/download`, { signal }); }
  /** The stored events of a composition, oldest first (`{events, next_after}`). */
  events(id, { after = 0, limit = 500 } = {}, signal) {
    return this.request('GET', `/api/v1/compositions/${enc(id)}/events${query({ after, limit })}`, { signal });
  }
  webhooks(id, signal) { return this.request('GET', `/api/v1/compositions/${enc(id)}/webhooks`, { signal }); }
  cancel(id) { return this.request('POST', `/api/v1/compositions/${enc(id)}/cancel`); }
  /** Cancels every queued and running composition the key may see: `{cancelled, ids}`. */
  cancelAll() { return this.request('POST', '/api/v1/compositions/cancel-all'); }
  delete(id) { return this.request('DELETE', `/api/v1/compositions/${enc(id)}`); }
  /** Every composition's events the key may see, oldest first (`{events, next_after}`). */
  allEvents({ after = 0, limit = 100 } = {}, signal) {
    return this.request('GET', `/api/v1/events${query({ after, limit })}`, { signal });
  }
  /** Queues a composition (202 → the Composition, with `warnings`). */
  create(composition) { return this.request('POST', '/api/v1/compositions', { body: composition }); }

  /**
   * Queues a composition and follows its event stream until it ends; resolves with the
   * Composition as it ended (status completed, failed or cancelled).
   * @param {object} composition
   * @param {{timeout?: number, onProgress?: (fraction: number) => void}} [options] timeout in ms;
   *   onProgress gets 0…1
   */
  async createAndWait(composition, { timeout = 600000, onProgress } = {}) {
    const created = await this.create(composition);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    let ended = false;
    try {
      await this.stream(`/api/v1/compositions/${enc(created.id)}/events`, {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'composition.progress') onProgress?.((event.json?.progress ?? 0) / 100);
          if (['composition.completed', 'composition.failed', 'composition.cancelled', 'composition.deleted'].includes(event.type)) {
            ended = true;
            controller.abort();
          }
        },
      });
    } finally {
      clearTimeout(timer);
    }
    if (!ended) throw new ReelAPIError(0, { error_code: 'timeout', message: `composition ${created.id} did not end within ${timeout} ms` });
    return this.getComposition(created.id);
  }

  /** A completed composition's file as a Blob, through its signed link. */
  async downloadFile(id, signal) {
    const { download_url: url } = await this.download(id, signal);
    const response = await fetch(new URL(url, this.baseURL || globalThis.location?.href), { signal });
    if (!response.ok) throw await ReelClient.errorOf(response);
    return response.blob();
  }
  /** `{valid, problems: [{field, message, error_type}], warnings, duration}` */
  validate(composition, signal) {
    return this.request('POST', '/api/v1/compositions/validate', { body: composition, signal });
  }

  /**
   * One frame as a Blob.
   * @param {{composition?: object, composition_id?: string, template_id?: string, merge?: object, time: number, width?: number}} request
   * @returns {Promise<Blob>}
   */
  async preview(request, signal) {
    const response = await this.request('POST', '/api/v1/previews', { body: request, signal, accept: 'image/*', raw: true });
    return response.blob();
  }

  /** The same as JSON: `{frames: [{time, frame_time, url}], width, height, format, cached}` (signed links). */
  previewLinks(request, signal) {
    return this.request('POST', '/api/v1/previews', { body: request, signal });
  }

  // Assets

  listAssets({ offset = 0, limit = 20 } = {}, signal) {
    return this.request('GET', `/api/v1/assets${query({ offset, limit })}`, { signal });
  }

  getAsset(id, signal) { return this.request('GET', `/api/v1/assets/${enc(id)}`, { signal }); }

  /**
   * Uploads a file as the raw body (XMLHttpRequest, for progress).
   * @param {File|Blob} file
   * @param {(fraction: number) => void} [onProgress] 0…1
   * @returns {Promise<{id: string, url: string, size_bytes: number, content_type: string, sha256: string}>}
   */
  uploadAsset(file, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.baseURL}/api/v1/assets`);
      for (const [k, v] of Object.entries(this.headers({ Accept: 'application/json' }))) xhr.setRequestHeader(k, v);
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
      xhr.onerror = () => reject(new ReelAPIError(0, { message: 'network error during upload' }));
      xhr.onload = () => {
        let body = {};
        try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
        if (xhr.status >= 200 && xhr.status < 300) resolve(body);
        else reject(new ReelAPIError(xhr.status, body));
      };
      xhr.send(file);
    });
  }

  // Templates

  listTemplates({ offset = 0, limit = 100 } = {}, signal) {
    return this.request('GET', `/api/v1/templates${query({ offset, limit })}`, { signal });
  }
  getTemplate(id, signal) { return this.request('GET', `/api/v1/templates/${enc(id)}`, { signal }); }
  /** @param {{name: string, description?: string, composition: object, merge_fields?: object}} template */
  createTemplate(template) { return this.request('POST', '/api/v1/templates', { body: template }); }
  replaceTemplate(id, template) { return this.request('PUT', `/api/v1/templates/${enc(id)}`, { body: template }); }
  deleteTemplate(id) { return this.request('DELETE', `/api/v1/templates/${enc(id)}`); }
  /** Queues a composition made from the template with `merge` values. */
  renderTemplate(id, merge) {
    return this.request('POST', `/api/v1/templates/${enc(id)}/compositions`, { body: { merge } });
  }

  // Keys (admin)

  listKeys(signal) { return this.request('GET', '/api/v1/keys', { signal }); }
  /** @param {{name: string, scope: string, tenant?: string|null}} key → the APIKey with its `key` secret */
  createKey(key) { return this.request('POST', '/api/v1/keys', { body: key }); }
  revokeKey(id) { return this.request('DELETE', `/api/v1/keys/${enc(id)}`); }

  // Identity and health

  /** `{scope, tenant, key_id, keys_required}`; 401 without a valid key when keys are required. */
  me(signal) { return this.request('GET', '/api/v1/me', { signal }); }

  /** `/health/detailed`; its JSON is returned on 503 (unhealthy) too. */
  async health(signal) {
    return this.lenient('/health/detailed', signal);
  }
  /** `/readyz`; its JSON is returned on 503 (not ready) too. */
  async ready(signal) {
    return this.lenient('/readyz', signal);
  }
  /** `/health`, `/api/v1/health`: `{status}`, returned on 503 too. */
  async healthBasic(signal) { return this.lenient('/health', signal); }
  /** `/livez`: `{status: "alive"}` while the process answers. */
  livez(signal) { return this.request('GET', '/livez', { signal }); }
  /** `/metrics` as Prometheus text (a `metrics` or admin key when keys are required). */
  async metrics(signal) {
    const response = await this.request('GET', '/metrics', { signal, accept: 'text/plain', raw: true });
    return response.text();
  }
  /** The contract itself, `/openapi.json`. */
  openapi(signal) { return this.request('GET', '/openapi.json', { signal }); }
  /**
   * A signed link's file (`/files/…`, a folder link's, a preview picture's) as a Blob. A link
   * elsewhere (an S3 presigned one) carries its own signature and is fetched without the key.
   */
  async file(url, signal) {
    const base = this.baseURL || globalThis.location?.origin;
    const target = new URL(url, base);
    if (target.origin !== new URL(base).origin) {
      const response = await fetch(target, { signal });
      if (!response.ok) throw await ReelClient.errorOf(response);
      return response.blob();
    }
    const response = await this.request('GET', target.pathname + target.search, { signal, accept: '*/*', raw: true });
    return response.blob();
  }
  async lenient(path, signal) {
    const response = await fetch(this.baseURL + path, { headers: this.headers({ Accept: 'application/json' }), signal });
    if (response.status === 503) return response.json();
    if (!response.ok) throw await ReelClient.errorOf(response);
    return response.json();
  }

  /**
   * Reads a Server-Sent Events stream through fetch (so the key goes in a header), reconnecting
   * with Last-Event-ID and backoff after a drop, until `signal` aborts. A 4xx answer ends it.
   * @param {string} path such as `/api/v1/events`
   * @param {{onEvent: (e: {type: string, id: string|null, data: string, json: any}) => void,
   *   onOpen?: () => void, onError?: (error: Error) => void, signal?: AbortSignal, lastEventId?: string|null}} options
   * @returns {Promise<void>} settles when aborted, or rejects with the ReelAPIError of a 4xx
   */
  async stream(path, { onEvent, onOpen, onError, signal, lastEventId = null }) {
    let retry = 2000;
    let delay = 0;
    while (!signal?.aborted) {
      if (delay) await sleep(delay, signal);
      if (signal?.aborted) return;
      try {
        const headers = this.headers({ Accept: 'text/event-stream' });
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch(this.baseURL + path, { headers, signal, cache: 'no-store' });
        if (!response.ok) {
          const error = await ReelClient.errorOf(response);
          if (response.status >= 400 && response.status < 500 && response.status !== 429) throw error;
          onError?.(error);
        } else {
          delay = 0;
          onOpen?.();
          await readEvents(response.body, (event) => {
            if (event.id != null) lastEventId = event.id;
            if (event.retry != null) retry = event.retry;
            if (event.data == null) return;
            let json = null;
            try { json = JSON.parse(event.data); } catch { /* plain text */ }
            onEvent({ type: event.type, id: event.id ?? lastEventId, data: event.data, json });
          });
        }
      } catch (error) {
        if (signal?.aborted || error.name === 'AbortError') return;
        if (error instanceof ReelAPIError) throw error;
        onError?.(error);
      }
      delay = Math.min(delay ? delay * 2 : retry, 30000);
    }
  }
}

/**
 * Checks a webhook delivery as Standard Webhooks defines it (WebCrypto HMAC-SHA256 over
 * "ID.TIMESTAMP.BODY" with the key of `secret`, Reel's REEL_WEBHOOK_SECRET `whsec_…`), and that
 * `webhook-timestamp` is within `tolerance` seconds of now. Resolves with the parsed event.
 * @param {string} secret
 * @param {Record<string, string>|Headers} headers the delivery's headers
 * @param {string} body the raw body, as received
 * @throws {Error} when a header is missing, the delivery is stale, or no signature matches
 */
export async function verifyWebhook(secret, headers, body, { tolerance = 300, now = Date.now() / 1000 } = {}) {
  const get = (name) => (headers instanceof Headers ? headers.get(name)
    : Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1]);
  const id = get('webhook-id');
  const stamp = Number(get('webhook-timestamp'));
  const signatures = get('webhook-signature');
  if (!id || !Number.isInteger(stamp) || !signatures) throw new Error('missing webhook-id, webhook-timestamp or webhook-signature');
  if (Math.abs(now - stamp) > tolerance) throw new Error('webhook-timestamp is outside the tolerance');
  const raw = Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signed = new TextEncoder().encode(`${id}.${stamp}.${body}`);
  for (const signature of signatures.split(' ')) {
    const [version, value] = signature.split(',');
    if (version !== 'v1' || !value) continue;
    let mac;
    try { mac = Uint8Array.from(atob(value), (c) => c.charCodeAt(0)); } catch { continue; }
    if (await crypto.subtle.verify('HMAC', key, mac, signed)) return JSON.parse(body);
  }
  throw new Error('no signature matches');
}

/** Each operationId of openapi.json and the ReelClient method that calls it. */
export const OPERATIONS = Object.freeze({
  createComposition: 'create', listCompositions: 'listCompositions', cancelAll: 'cancelAll',
  validateComposition: 'validate', getMe: 'me', studio: 'file', studioFile: 'file',
  getComposition: 'getComposition', deleteComposition: 'delete', getStatus: 'status', getMetadata: 'metadata',
  getDownload: 'download', cancelComposition: 'cancel', listEvents: 'allEvents', listCompositionEvents: 'events',
  listWebhookDeliveries: 'webhooks', createTemplate: 'createTemplate', listTemplates: 'listTemplates',
  getTemplate: 'getTemplate', replaceTemplate: 'replaceTemplate', deleteTemplate: 'deleteTemplate',
  createCompositionFromTemplate: 'renderTemplate', listAssets: 'listAssets', uploadAsset: 'uploadAsset',
  getAsset: 'getAsset', createPreview: 'preview', getPreviewPicture: 'file', getFolderFile: 'file', getFile: 'file',
  health: 'healthBasic', healthDetailed: 'health', livez: 'livez', readyz: 'ready', healthV1: 'healthBasic',
  healthDetailedV1: 'health', metrics: 'metrics', openapi: 'openapi', createKey: 'createKey', listKeys: 'listKeys',
  revokeKey: 'revokeKey',
});

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/**
 * Parses an event stream (https://html.spec.whatwg.org/multipage/server-sent-events.html) and calls
 * `dispatch({type, data, id, retry})` per event; `data` is null for a block with no data lines.
 */
async function readEvents(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let data = [];
  let type = '';
  let id = null;
  let retry = null;
  const line = (text) => {
    if (text === '') {
      dispatch({ type: type || 'message', data: data.length ? data.join('\n') : null, id, retry });
      data = []; type = ''; id = null; retry = null;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const name = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') data.push(value);
    else if (name === 'event') type = value;
    else if (name === 'id' && !value.includes('\0')) id = value;
    else if (name === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    // A line ends at \r\n, \n or \r; a trailing \r may be half of \r\n, so it waits.
    let match;
    const re = /\r\n|\n|\r(?!$)/g;
    let start = 0;
    while ((match = re.exec(buffer))) {
      line(buffer.slice(start, match.index));
      start = match.index + match[0].length;
    }
    buffer = buffer.slice(start);
  }
}
