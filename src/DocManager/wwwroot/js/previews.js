// Previews: placeholders replaced live when a thumbnail is ready, and keyboard paging in the viewer.
// Without scripts, a reload shows new thumbnails and the viewer pages with plain links and a form.

const PREVIEW_EVENT = 'docmanager:preview';

// The notification stream hands over `preview` events: { message: status, link: thumbnail or document address }.
export function initLivePreviews() {
  document.addEventListener(PREVIEW_EVENT, (event) => {
    const { message: status, link } = event.detail ?? {};
    const id = /^\/documents\/(\d+)/.exec(link ?? '')?.[1];
    if (!id) return;
    document.querySelectorAll(`[data-preview-pending="${id}"]`).forEach((placeholder) => {
      if (status === 'ready' && link.includes('/thumbnail')) {
        const image = new Image(96, 124);
        image.decoding = 'async';
        image.alt = placeholder.getAttribute('aria-label').replace(/ being made$/, '').replace(/^Preview of/, 'Thumbnail of');
        image.src = link;
        placeholder.replaceWith(image);
      } else {
        placeholder.removeAttribute('data-preview-pending');
        placeholder.className = 'thumb-icon';
        placeholder.setAttribute('aria-label', `${placeholder.textContent} file without a preview`);
      }
    });
    // The viewer waiting for this document shows it now: its section is swapped for the server's, so
    // nothing the user is doing elsewhere on the page (or a navigation under way) is interrupted.
    if (document.querySelector(`[data-viewer-pending="${id}"]`)) refreshViewer();
  });
}

async function refreshViewer() {
  try {
    const response = await fetch(window.location.href, { headers: { Accept: 'text/html' } });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-viewer]');
    const current = document.querySelector('[data-viewer]');
    if (!fresh || !current) return;
    current.replaceWith(document.importNode(fresh, true));
    initViewer(document.querySelector('[data-viewer]'));
  } catch { /* a reload shows it */ }
}

export function announcePreview(item) {
  document.dispatchEvent(new CustomEvent(PREVIEW_EVENT, { detail: item }));
}

// Arrow keys and the page field turn pages in place; the address follows, so reload and back work.
export function initViewer(viewer) {
  const image = viewer.querySelector('img[data-page]');
  const input = viewer.querySelector('[data-page-input]');
  if (!image || !input) return;
  const count = Number(image.dataset.pageCount);
  const firstUrl = new URL(image.dataset.pageUrl, window.location.href);
  const title = image.alt.replace(/^Page \d+ of \d+ of /, '');
  const previous = viewer.querySelector('[data-page-previous]');
  const next = viewer.querySelector('[data-page-next]');
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  viewer.append(status);

  function go(page) {
    const target = Math.min(Math.max(1, page), count);
    if (target === Number(image.dataset.page)) return;
    const url = new URL(firstUrl);
    url.pathname = url.pathname.replace(/\/pages\/\d+$/, `/pages/${target}`);
    image.src = url.pathname + url.search;
    image.dataset.page = String(target);
    image.alt = `Page ${target} of ${count} of ${title}`;
    input.value = String(target);
    const address = new URL(window.location.href);
    address.searchParams.set('page', String(target));
    window.history.replaceState(null, '', address);
    for (const [link, page, enabled] of [[previous, target - 1, target > 1], [next, target + 1, target < count]]) {
      if (!link) continue;
      if (enabled) {
        link.href = `${address.pathname}?page=${page}`;
        link.removeAttribute('aria-disabled');
      } else {
        link.setAttribute('aria-disabled', 'true');
        link.removeAttribute('href');
      }
    }
    status.textContent = `Page ${target} of ${count}`;
  }

  const current = () => Number(image.dataset.page);
  previous?.addEventListener('click', (event) => { event.preventDefault(); go(current() - 1); });
  next?.addEventListener('click', (event) => { event.preventDefault(); go(current() + 1); });
  input.form.addEventListener('submit', (event) => { event.preventDefault(); go(Number(input.value)); });
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest('input, textarea, select, [contenteditable]')) return;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') { event.preventDefault(); go(current() + 1); }
    if (event.key === 'ArrowLeft' || event.key === 'PageUp') { event.preventDefault(); go(current() - 1); }
    if (event.key === 'Home') { event.preventDefault(); go(1); }
    if (event.key === 'End') { event.preventDefault(); go(count); }
  });
}
