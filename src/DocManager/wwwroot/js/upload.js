// Drag-and-drop upload of several files, each sent on its own with a progress bar and a cancel
// button. The form's own fields (description, category, tags, priority; the title when there is
// one file) go with every file. Once all are stored the browser goes where the form's post would
// have gone; a failed file keeps the page, with its reason shown. Without JavaScript the form posts
// as it is.
import { csrfToken, announce } from './api.js';
import { formatBytes } from './format.js';

export function initUpload(form) {
  const input = form.querySelector('input[type="file"]');
  if (!input) return;

  const zone = document.createElement('div');
  zone.className = 'dropzone';
  const prompt = document.createElement('p');
  prompt.textContent = 'Drop files here, or choose them with the button above.';
  zone.append(prompt);
  input.closest('.field').after(zone);

  const list = document.createElement('ul');
  list.className = 'upload-list';
  list.setAttribute('aria-label', 'Uploads');
  zone.after(list);

  for (const name of ['dragenter', 'dragover']) {
    zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add('is-over');
    });
  }
  for (const name of ['dragleave', 'drop']) {
    zone.addEventListener(name, () => zone.classList.remove('is-over'));
  }
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer?.files.length) startAll([...event.dataTransfer.files]);
  });

  form.addEventListener('submit', (event) => {
    if (!input.files?.length) return; // let the server say "No file selected"
    event.preventDefault();
    startAll([...input.files]);
    input.value = '';
  });

  // Files on their way, from every drop and submission: leaving the page would abort them.
  let sending = 0;

  function startAll(files) {
    sending += files.length;
    const uploads = files.map((file) => upload(file, files.length === 1).finally(() => { sending -= 1; }));
    Promise.all(uploads).then((documents) => {
      const stored = documents.filter(Boolean);
      announce(`${stored.length} of ${files.length} uploaded`);
      // As the server answers the form (Intake/Upload.cshtml.cs): one file opens its document, several the list.
      if (stored.length === files.length && sending === 0) {
        window.location.assign(files.length === 1 ? documentPath(stored[0]) : '/documents');
      }
    });
  }

  function documentPath(doc) {
    return `/documents/${encodeURIComponent(doc.id)}`;
  }

  function upload(file, single) {
    const row = document.createElement('li');
    row.className = 'upload-item';
    const name = document.createElement('span');
    name.className = 'upload-name';
    name.textContent = `${file.name} (${formatBytes(file.size)})`;
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', `Progress of ${file.name}`);
    const state = document.createElement('span');
    state.className = 'upload-state';
    state.setAttribute('role', 'status');
    state.textContent = 'Waiting';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button button-small';
    cancel.textContent = 'Cancel';
    cancel.setAttribute('aria-label', `Cancel ${file.name}`);
    row.append(name, bar, state, cancel);
    list.append(row);

    const data = new FormData();
    for (const field of ['description', 'category', 'tags', 'priority']) {
      const value = form.elements.namedItem(field)?.value;
      if (value) data.append(field, value);
    }
    const title = form.elements.namedItem('title')?.value;
    if (single && title) data.append('title', title);
    data.append('file', file, file.name);

    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      request.open('POST', '/api/files');
      request.setRequestHeader('X-CSRF-TOKEN', csrfToken());
      request.setRequestHeader('Accept', 'application/json');
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) {
          bar.value = Math.round((event.loaded / event.total) * 100);
          state.textContent = `${bar.value}%`;
        }
      });
      request.addEventListener('load', () => {
        cancel.remove();
        let body = null;
        try { body = JSON.parse(request.responseText); } catch { /* not JSON */ }
        if (request.status === 201 && body?.items?.length) {
          bar.value = 100;
          const doc = body.items[0];
          const link = document.createElement('a');
          link.href = documentPath(doc);
          link.textContent = `Uploaded as “${doc.title}”`;
          state.replaceChildren(link);
          row.classList.add('is-done');
          resolve(doc);
        } else {
          state.textContent = body?.detail ?? `Refused (${request.status})`;
          row.classList.add('is-failed');
          resolve(null);
        }
      });
      request.addEventListener('error', () => {
        cancel.remove();
        state.textContent = 'Network error: nothing was saved.';
        row.classList.add('is-failed');
        resolve(null);
      });
      request.addEventListener('abort', () => {
        cancel.remove();
        state.textContent = 'Cancelled: nothing was saved.';
        row.classList.add('is-failed');
        resolve(null);
      });
      cancel.addEventListener('click', () => request.abort());
      state.textContent = 'Uploading';
      request.send(data);
    });
  }
}
