// DocManager's enhancements. Every page works without them; each module starts only where its
// markup is present.
import { initAutocomplete } from './autocomplete.js';
import { initInfiniteScroll } from './infinite-scroll.js';
import { enhanceRenameButtons } from './inline-edit.js';
import { initUpload } from './upload.js';
import { initNotifications } from './notifications.js';
import { initLivePreviews, initViewer } from './previews.js';

document.querySelectorAll('input[data-autocomplete]').forEach(initAutocomplete);
const list = document.getElementById('document-list');
if (list) initInfiniteScroll(list);
enhanceRenameButtons();
const uploadForm = document.querySelector('form[data-upload]');
if (uploadForm) initUpload(uploadForm);
const badge = document.getElementById('notification-count');
if (badge) initNotifications(badge);
initLivePreviews();
const viewer = document.querySelector('[data-viewer]');
if (viewer) initViewer(viewer);
