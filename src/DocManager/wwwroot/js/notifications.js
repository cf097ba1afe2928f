// Live notifications: the unread badge and a short message when something happens, from the
// server's event stream; when the stream is not available, the list is polled instead.
import { api, announce } from './api.js';
import { announcePreview } from './previews.js';

const POLL_MS = 30000;

export function initNotifications(badge) {
  let unread = Number(badge.dataset.unread ?? '0');
  let polling = 0;
  let newest = 0;
  let primed = false;

  function setUnread(count) {
    unread = Math.max(0, count);
    badge.dataset.unread = String(unread);
    badge.firstChild.nodeValue = String(unread);
    badge.hidden = unread === 0;
  }

  function show(item) {
    newest = Math.max(newest, item.id);
    if (!item.read) setUnread(unread + 1);
    toast(item);
    addToPageList(item);
  }

  async function poll() {
    try {
      const { data } = await api('/api/notifications?limit=20');
      const fresh = data.items.filter((item) => item.id > newest).reverse();
      // The first answer only says what was already there, unless the stream showed some before it
      // died. (Not `newest > 0` alone: for someone with no notifications yet, the first one that
      // arrives would then be taken for old news and never shown.)
      if (primed || newest > 0) fresh.forEach((item) => { toast(item); addToPageList(item); });
      primed = true;
      newest = Math.max(newest, ...data.items.map((item) => item.id), 0);
      setUnread(data.unread);
    } catch { /* keep the last known count */ }
  }

  function startPolling() {
    if (polling) return;
    poll();
    polling = window.setInterval(poll, POLL_MS);
  }

  if (!('EventSource' in window)) {
    startPolling();
    return;
  }

  const stream = new EventSource('/api/notifications/stream');
  let failures = 0;
  stream.addEventListener('open', () => { failures = 0; });
  stream.addEventListener('notification', (event) => show(JSON.parse(event.data)));
  stream.addEventListener('preview', (event) => announcePreview(JSON.parse(event.data)));
  stream.addEventListener('error', () => {
    // The browser reconnects by itself (sending Last-Event-ID); after repeated failures, poll instead.
    // An error status (a 503 from a proxy, say) closes the stream for good at the first error, with
    // no reconnection to count: poll at once, or the badge would never change again.
    if (stream.readyState === EventSource.CLOSED || ++failures >= 3) {
      stream.close();
      startPolling();
    }
  });
}

function toast(item) {
  const region = document.getElementById('toasts');
  if (!region) return;
  const note = document.createElement('div');
  note.className = 'toast';
  note.setAttribute('role', 'status');
  const text = messageText(item);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'icon-button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => note.remove());
  note.append(text, close);
  region.append(note);
  announce(item.message);
  window.setTimeout(() => note.remove(), 10000);
}

function addToPageList(item) {
  const list = document.getElementById('notification-list');
  if (!list) return;
  // The first one on a page that had none: the list replaces the "Nothing yet" message.
  document.getElementById('notification-empty')?.remove();
  list.hidden = false;
  const row = document.createElement('li');
  row.className = 'notification card is-unread';
  row.dataset.notificationId = String(item.id);
  const body = document.createElement('div');
  const message = document.createElement('p');
  message.className = 'notification-message';
  message.append(messageText(item));
  const when = document.createElement('p');
  when.className = 'muted small';
  when.textContent = 'Just now · new';
  body.append(message, when);
  row.append(body);
  list.prepend(row);
}

// The message as text, a link to what it is about when it has one.
function messageText(item) {
  const text = document.createElement(item.link ? 'a' : 'span');
  text.textContent = item.message;
  if (isLocalLink(item.link)) text.href = item.link;
  return text;
}

// Links come from the server, but only ever to a page of this site: `/x`, not `//host/x`.
function isLocalLink(link) {
  return typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\');
}
