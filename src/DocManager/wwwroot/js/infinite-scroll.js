// /documents grows as the user scrolls, from the cursor where the server's page ended. The server
// renders the next cards itself (/documents/cards, the page's own card partial): this script only
// appends them, so an appended card is exactly the card the page shows (docs/decisions/0016).
// The plain Previous/Next links stay for browsers without JavaScript; after a Back navigation the
// pages loaded before are fetched again and the scroll position is restored.
import { announce } from './api.js';
import { enhanceRenameButtons } from './inline-edit.js';

const STORE = 'docmanager.scroll';

export function initInfiniteScroll(list) {
  let cursor = list.dataset.nextCursor;
  if (!cursor) return;

  const pageSize = list.dataset.pageSize || '50';
  const pages = document.getElementById('document-pages');
  const status = document.createElement('p');
  status.className = 'list-status muted';
  status.setAttribute('role', 'status');
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'button';
  more.textContent = 'Load more';
  const footer = document.createElement('div');
  footer.className = 'list-footer';
  footer.append(status, more);
  list.after(footer);
  if (pages) pages.hidden = true;

  const used = [];
  let loading = false;

  async function loadNext() {
    if (loading || !cursor) return;
    loading = true;
    more.disabled = true;
    status.textContent = 'Loading more documents…';
    try {
      const source = list.dataset.cards;
      const next = await fetchCards(`${source}${source.includes('?') ? '&' : '?'}limit=${pageSize}&cursor=${encodeURIComponent(cursor)}`);
      used.push(cursor);
      list.append(...next.cards);
      next.cards.forEach(enhanceRenameButtons);
      cursor = next.cursor;
      announce(`${next.cards.length} more documents loaded`);
      status.textContent = cursor ? '' : 'That is everything.';
    } catch {
      status.textContent = 'Could not load more documents. Try again, or use the page links.';
      if (pages) pages.hidden = false;
    } finally {
      loading = false;
      more.disabled = false;
      more.hidden = !cursor;
    }
  }

  more.addEventListener('click', loadNext);
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) loadNext();
  }, { rootMargin: '400px' });
  observer.observe(footer);

  // Remember what was loaded and where the user was, to come back to it after visiting a document.
  window.addEventListener('pagehide', () => {
    sessionStorage.setItem(STORE, JSON.stringify({ url: location.href, cursors: used, y: window.scrollY }));
  });

  restore(list, loadNext, () => used.length);
}

/**
 * The cards of the next page, rendered by the server, and the cursor after them. The fragment is
 * parsed as an inert document (its scripts never run, its images never load) and its cards moved
 * into this one. A redirect means the session ended: /login came back instead of cards.
 */
async function fetchCards(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
  if (!response.ok || response.redirected) throw new Error(`Could not load more cards (${response.status})`);
  const fragment = new DOMParser().parseFromString(await response.text(), 'text/html');
  const list = fragment.querySelector('ul[data-cards]');
  if (!list) throw new Error('The answer holds no cards');
  return { cards: [...list.children].map((card) => document.adoptNode(card)), cursor: list.dataset.nextCursor || null };
}

async function restore(list, loadNext, loaded) {
  const saved = JSON.parse(sessionStorage.getItem(STORE) ?? 'null');
  sessionStorage.removeItem(STORE);
  const [navigation] = performance.getEntriesByType('navigation');
  if (!saved || saved.url !== location.href || navigation?.type !== 'back_forward') return;
  history.scrollRestoration = 'manual';
  while (loaded() < saved.cursors.length) {
    const before = loaded();
    await loadNext();
    if (loaded() === before) break;
  }
  window.scrollTo(0, saved.y);
}
