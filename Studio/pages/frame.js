// Preview frames: POST /api/v1/previews as a Blob shown through an object URL. Where the page's
// CSP refuses blob: pictures, the JSON answer's signed same-origin link is used instead.
let blobRefused = false;

function show(img, src) {
  return new Promise((resolve) => {
    img.addEventListener('load', () => resolve(true), { once: true });
    img.addEventListener('error', () => resolve(false), { once: true });
    img.src = src;
  });
}

/**
 * Shows the frame `request` asks for in `img`, revoking the object URL it showed before.
 * @returns {Promise<void>} rejects with the ReelAPIError (or AbortError) of the request
 */
export async function showFrame(client, img, request, signal) {
  if (!blobRefused) {
    const blob = await client.preview(request, signal);
    const old = img.dataset.objectUrl;
    const url = URL.createObjectURL(blob);
    img.dataset.objectUrl = url;
    const shown = await show(img, url);
    if (old) URL.revokeObjectURL(old);
    if (shown) return;
    blobRefused = true;
    URL.revokeObjectURL(url);
    delete img.dataset.objectUrl;
  }
  const answer = await client.previewLinks(request, signal);
  if (!(await show(img, answer.frames[0].url))) throw new Error('the preview picture could not be shown');
}
