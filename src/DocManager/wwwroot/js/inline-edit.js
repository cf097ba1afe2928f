// Rename a document where its title is shown: Enter saves (PATCH with If-Match), Escape cancels,
// the server's validation message appears in place. Without JavaScript the Edit page does the same.
import { api, ApiError, announce } from './api.js';

export function enhanceRenameButtons(root = document) {
  for (const button of root.querySelectorAll('[data-rename]')) {
    if (button.dataset.enhanced) continue;
    button.dataset.enhanced = 'true';
    button.hidden = false;
    button.addEventListener('click', () => startEditing(button));
  }
}

function startEditing(button) {
  const container = button.parentElement;
  const shown = container.querySelector('[data-title-text]');
  const id = button.dataset.rename;
  const original = shown.textContent;

  const form = document.createElement('form');
  form.className = 'inline-title-form';
  const input = document.createElement('input');
  input.value = original;
  input.maxLength = 100;
  input.required = true;
  input.setAttribute('aria-label', 'New title');
  const message = document.createElement('span');
  message.className = 'field-error';
  message.id = `rename-error-${id}`;
  message.setAttribute('role', 'alert');
  const hint = document.createElement('span');
  hint.className = 'hint';
  hint.textContent = 'Enter to save, Escape to cancel';
  form.append(input, hint, message);

  shown.hidden = true;
  button.hidden = true;
  container.append(form);
  input.focus();
  input.select();

  function finish(title) {
    form.remove();
    shown.hidden = false;
    button.hidden = false;
    if (title !== undefined) {
      shown.textContent = title;
      button.setAttribute('aria-label', `Rename “${title}”`);
      if (shown.tagName === 'H1') document.title = `${title} · DocManager`;
    }
    button.focus();
  }

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      finish();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (input.value === original) {
      finish();
      return;
    }
    input.disabled = true;
    message.textContent = '';
    try {
      const headers = button.dataset.etag ? { 'If-Match': button.dataset.etag } : {};
      const { data, response } = await api(`/api/documents/${encodeURIComponent(id)}`, { method: 'PATCH', body: { title: input.value }, headers });
      button.dataset.etag = response.headers.get('ETag') ?? '';
      finish(data.title);
      announce(`Renamed to ${data.title}`);
    } catch (error) {
      input.disabled = false;
      input.focus();
      const text = error instanceof ApiError
        ? (error.status === 412 ? 'Someone else changed this document. Reload the page to see their changes.' : error.fieldError('title') ?? error.message)
        : 'Could not save. Check your connection and try again.';
      message.textContent = text;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', message.id);
    }
  });
}
