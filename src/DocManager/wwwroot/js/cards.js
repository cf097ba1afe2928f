// A document card built from API JSON, the same markup as the server's _DocumentCard partial.
// Every value from the server is set with textContent or a property, never parsed as HTML.

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(href, className, text) {
  const a = element('a', className, text);
  a.href = href;
  return a;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2).replace(/\.?0+$/, '')} GB`;
}

export function documentCard(doc) {
  const id = encodeURIComponent(doc.id);
  const item = element('li', 'doc-card');
  item.dataset.documentId = String(doc.id);

  const main = element('div', 'doc-main');
  const row = element('div', 'title-row');
  const heading = element('h2', 'doc-title');
  const title = link(`/documents/${id}`, '', doc.title);
  title.dataset.titleText = '';
  heading.append(title);
  row.append(heading);
  if (doc.isOwner) {
    const rename = element('button', 'icon-button', '✎');
    rename.type = 'button';
    rename.dataset.rename = String(doc.id);
    rename.setAttribute('aria-label', `Rename “${doc.title}”`);
    row.append(rename);
  }
  main.append(row);

  const meta = element('p', 'doc-meta');
  meta.append(element('span', `chip chip-${doc.category}`, doc.category));
  if (doc.priority !== 'normal') meta.append(element('span', `chip chip-priority-${doc.priority}`, `${doc.priority} priority`));
  for (const tag of doc.tags) meta.append(link(`/documents?tag=${encodeURIComponent(tag)}`, 'tag', `#${tag}`));
  main.append(meta);

  if (doc.description) {
    main.append(element('p', 'doc-description', doc.description.length > 180 ? `${doc.description.slice(0, 180)}…` : doc.description));
  }

  const facts = element('p', 'doc-facts');
  facts.append(element('span', '', doc.file ? `${doc.file.originalName} · ${formatBytes(doc.file.size)}` : 'Note'));
  const time = element('time', '', dateFormat.format(new Date(doc.createdAt)));
  time.dateTime = doc.createdAt;
  const when = element('span');
  when.append(time);
  facts.append(when);
  if (!doc.isOwner) facts.append(element('span', '', `Shared by ${doc.owner.username}`));
  main.append(facts);

  const actions = element('div', 'doc-actions');
  actions.append(link(`/documents/${id}`, 'button button-small', 'View'));
  if (doc.file) {
    const download = link(`/files/${id}`, 'button button-small', 'Download');
    download.setAttribute('download', '');
    actions.append(download);
  }
  if (doc.isOwner) {
    actions.append(link(`/documents/${id}/edit`, 'button button-small', 'Edit'));
    actions.append(link(`/documents/${id}/delete`, 'button button-small button-danger', 'Delete'));
  }

  item.append(main, actions);
  return item;
}
