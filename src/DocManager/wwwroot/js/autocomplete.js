// Search suggestions as the user types: debounced, stale requests aborted, and a keyboard-operable
// ARIA combobox/listbox. Suggestions are written with textContent only.
import { api, announce } from './api.js';

const DELAY_MS = 150;
let count = 0;

export function initAutocomplete(input) {
  const id = `suggestions-${++count}`;
  const list = document.createElement('ul');
  list.id = id;
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggested documents');
  list.hidden = true;
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', id);
  input.setAttribute('aria-expanded', 'false');

  let timer = 0;
  let controller = null;
  let active = -1;

  const options = () => [...list.querySelectorAll('[role="option"]')];

  function close() {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function highlight(index) {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  }

  function render(items) {
    list.replaceChildren(...items.map((item, i) => {
      const option = document.createElement('li');
      option.id = `${id}-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.href = `/documents/${encodeURIComponent(item.id)}`;
      option.textContent = item.title;
      option.addEventListener('mousedown', (event) => {
        event.preventDefault(); // keep focus in the input until we navigate
        window.location.assign(option.dataset.href);
      });
      return option;
    }));
    const open = items.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    active = -1;
    announce(open ? `${items.length} suggestion${items.length === 1 ? '' : 's'}` : 'No suggestions');
  }

  async function suggest() {
    const text = input.value;
    controller?.abort();
    if (text.trim().length === 0) {
      close();
      return;
    }
    controller = new AbortController();
    try {
      const { data } = await api(`/api/suggest?q=${encodeURIComponent(text)}`, { signal: controller.signal });
      if (input.value === text) render(data);
    } catch (error) {
      if (error.name !== 'AbortError') close();
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, DELAY_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (list.hidden) suggest(); else highlight(active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      window.location.assign(options()[active].dataset.href);
    } else if (event.key === 'Escape' && !list.hidden) {
      // Only dismiss the suggestions: a search field's own Escape would also wipe what was typed.
      // With the list already closed, Escape keeps that native meaning (clear the field).
      event.preventDefault();
      close();
    }
  });

  input.addEventListener('blur', () => window.setTimeout(close, 100));
}
