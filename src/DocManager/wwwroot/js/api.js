// Calls to DocManager's JSON API: same-origin cookies, the page's anti-forgery token on every
// unsafe method, and problem+json errors turned into exceptions that carry the problem.

export function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content ?? '';
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The first message for a field, when the server said which field was wrong. */
  fieldError(field) {
    return this.problem.errors?.[field]?.[0] ?? null;
  }
}

export async function api(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const init = { method, signal, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (method !== 'GET' && method !== 'HEAD') {
    init.headers['X-CSRF-TOKEN'] = csrfToken();
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? null : { data: await response.json(), response };
}

/** Says something to screen-reader users through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('live-region');
  if (region) {
    region.textContent = '';
    window.setTimeout(() => { region.textContent = message; }, 50);
  }
}
