// The compliance console: plain DOM, every value written with textContent (never as HTML).
// The session is a cookie the page cannot read; changes carry the session's CSRF token.

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
};

let T = null; // { texts: {pl, lt, en}, kinds: [...], rules: [...] } from /console/texts.json
let fields = []; // GET /console/fields.json
let session = null;
let lang = localStorage.getItem('sargas-lang') || guessLanguage();
let tz = localStorage.getItem('sargas-tz') || Intl.DateTimeFormat().resolvedOptions().timeZone;
let cursor = null;
let shown = 0;
const charts = [];

function guessLanguage() {
  const l = (navigator.language || 'en').slice(0, 2);
  return ['pl', 'lt', 'en'].includes(l) ? l : 'en';
}

/** A text of the console in the officer's language, with {placeholders} filled. */
function t(key, vars = {}) {
  const s = T?.texts[lang]?.ui[key] ?? T?.texts.en.ui[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}
/** A kind by its name in the officer's language; a tenant's own kind (policy customKinds) marked as such. */
function kindName(k) {
  const kinds = T?.texts[lang]?.kinds ?? {};
  if (Object.hasOwn(kinds, k)) return kinds[k];
  if (T?.kinds.some((b) => b.name === k)) return k;
  return t('customKind', { name: String(k).replaceAll('_', ' ') });
}
const ruleReason = (r) => T?.texts[lang]?.rules[r] ?? r;
const actionName = (a) => T?.texts[lang]?.actions[a] ?? a;

function applyTexts() {
  document.documentElement.lang = lang;
  document.title = t('appName');
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  for (const node of document.querySelectorAll('[data-t-aria]'))
    node.setAttribute('aria-label', t(node.dataset.tAria));
}

/** A time in the officer's language and time zone. */
function when(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang, {
    timeZone: tz,
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

/** The offset of a time zone at an instant, in ms (local = utc + offset). */
function zoneOffset(ms, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000
  );
}
/** A datetime-local value read in the officer's time zone, as an ISO instant. */
function localToIso(value) {
  const [d, tm] = value.split('T');
  const [y, mo, da] = d.split('-').map(Number);
  const [h, mi] = (tm || '0:0').split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, da, h, mi);
  let utc = guess - zoneOffset(guess, tz);
  utc = guess - zoneOffset(utc, tz);
  return new Date(utc).toISOString();
}
function isoToLocal(iso) {
  const ms = new Date(iso).getTime();
  return new Date(ms + zoneOffset(ms, tz)).toISOString().slice(0, 16);
}

function status(message, error) {
  $('status').textContent = message || '';
  $('status').className = error ? 'error' : '';
}
const fail = (err) => status(t('error', { message: err.message }), true);

async function api(path, options = {}) {
  const method = options.method || 'GET';
  const headers = {};
  if (options.body) headers['content-type'] = 'application/json';
  if (method !== 'GET' && session?.csrf) headers['x-csrf-token'] = session.csrf;
  const res = await fetch(path, { ...options, headers, credentials: 'same-origin' });
  if (res.status === 401) {
    session = null;
    showSignIn();
    throw new Error(t('signInTitle'));
  }
  if (!res.ok) {
    let message = `${res.status}`;
    try {
      message = (await res.json()).error.message;
    } catch {
      /* not JSON */
    }
    throw new Error(message);
  }
  return res;
}
const getJson = async (path) => (await api(path)).json();

// ---- the URL holds the state: the view, the filters, the open event ----

const MULTI = ['decision', 'kind', 'rule', 'platform', 'agent'];
const url = () => new URLSearchParams(location.search);
function go(params, replace) {
  const next = `${location.pathname}?${params}`;
  if (replace) history.replaceState(null, '', next);
  else history.pushState(null, '', next);
  route();
}

const PRESETS = { '24h': 1, '7d': 7, '30d': 30, '90d': 90 };
/** The API's filters from the URL: presets resolved now, lists repeated. */
function apiFilters(params) {
  const out = new URLSearchParams();
  const preset = params.get('preset') || '30d';
  if (PRESETS[preset])
    out.set('from', new Date(Date.now() - PRESETS[preset] * 86_400_000).toISOString());
  if (preset === 'custom') {
    if (params.get('from')) out.set('from', params.get('from'));
    if (params.get('to')) out.set('to', params.get('to'));
  }
  for (const k of MULTI) for (const v of params.getAll(k)) out.append(k, v);
  for (const k of ['direction', 'visibility', 'fingerprint', 'type'])
    if (params.get(k)) out.set(k, params.get(k));
  return out;
}

// ---- sign-in ----

function showSignIn() {
  for (const v of document.querySelectorAll('.view')) v.hidden = true;
  $('nav').hidden = true;
  $('signout').hidden = true;
  $('who').textContent = '';
  $('view-signin').hidden = false;
  $('signin-oidc').hidden = !session?.oidc;
  $('devtoken').hidden = !session?.devTokens;
  const problem = url().get('signin');
  $('signin-error').textContent = problem ? t(`signin.${problem}`) : '';
}

async function loadSession() {
  session = await (await fetch('/console/session', { credentials: 'same-origin' })).json();
  return session.signedIn;
}

// ---- multi-value filters chosen from lists ----

function multiSelect(name, label, options, chosen) {
  const details = el('details', { className: 'multi' });
  const summary = el('summary');
  const set = new Set(chosen);
  const update = () => {
    const n = details.querySelectorAll('input:checked').length;
    summary.textContent = n ? `${label} (${t('selected', { n })})` : `${label}: ${t('any')}`;
  };
  const fs = el('fieldset', {}, el('legend', { className: 'sr-only', textContent: label }));
  for (const o of options) {
    const input = el('input', {
      type: 'checkbox',
      name,
      value: o.value,
      checked: set.has(o.value),
    });
    input.addEventListener('change', update);
    fs.append(el('label', {}, input, el('span', { textContent: o.label })));
  }
  details.append(summary, fs);
  update();
  return details;
}

let facets = { agents: [], platforms: [], kinds: [] };
async function buildFilters(params) {
  const form = $('filters');
  form.elements.preset.value = params.get('preset') || '30d';
  for (const k of ['direction', 'visibility', 'fingerprint'])
    form.elements[k].value = params.get(k) || '';
  form.elements.from.value = params.get('from') ? isoToLocal(params.get('from')) : '';
  form.elements.to.value = params.get('to') ? isoToLocal(params.get('to')) : '';
  toggleCustom(form);
  try {
    facets = await getJson(
      `/v1/audit/facets?${apiFilters(new URLSearchParams({ preset: 'all' }))}`,
    );
  } catch {
    /* the lists stay empty */
  }
  const chosen = (k) => params.getAll(k);
  $('multis').replaceChildren(
    multiSelect(
      'decision',
      t('decisions'),
      ['block', 'warn', 'allow'].map((d) => ({ value: d, label: t(`decision.${d}`) })),
      chosen('decision'),
    ),
    multiSelect(
      'kind',
      t('kinds'),
      [
        ...T.kinds.map((k) => k.name),
        // the tenant's own kinds, as its checks found them
        ...(facets.kinds || [])
          .map((k) => k.value)
          .filter((k) => !T.kinds.some((b) => b.name === k)),
      ].map((k) => ({ value: k, label: kindName(k) })),
      chosen('kind'),
    ),
    multiSelect(
      'rule',
      t('rules'),
      T.rules.map((r) => ({ value: r.id, label: r.id })),
      chosen('rule'),
    ),
    multiSelect(
      'platform',
      t('platforms'),
      facets.platforms.map((p) => ({ value: p.value, label: `${p.value} (${p.count})` })),
      chosen('platform'),
    ),
    multiSelect(
      'agent',
      t('agents'),
      facets.agents.map((a) => ({ value: a.value, label: `${a.value} (${a.count})` })),
      chosen('agent'),
    ),
  );
  const fp = params.get('fingerprint');
  $('fp-filter').hidden = !fp;
  $('fp-filter').textContent = fp ? `${t('fingerprintNote')}: ${fp.split(',').length}` : '';
}
function toggleCustom(form) {
  const custom = form.elements.preset.value === 'custom';
  for (const l of form.querySelectorAll('.custom')) l.hidden = !custom;
}
function filtersFromForm() {
  const form = $('filters');
  const params = new URLSearchParams({ view: 'events' });
  const data = new FormData(form);
  params.set('preset', data.get('preset'));
  if (data.get('preset') === 'custom') {
    if (data.get('from')) params.set('from', localToIso(String(data.get('from'))));
    if (data.get('to')) params.set('to', localToIso(String(data.get('to'))));
  }
  for (const k of MULTI) for (const v of data.getAll(k)) params.append(k, String(v));
  for (const k of ['direction', 'visibility', 'fingerprint'])
    if (data.get(k)) params.set(k, String(data.get(k)));
  return params;
}

// ---- events ----

function decisionText(e) {
  if (!e.decision) return '';
  return `${t(`decision.${e.decision}`)}${e.wouldBlock ? ` (${t('wouldBlock')})` : ''}`;
}
/** What happened, in a sentence. */
function sentence(e) {
  if (e.type !== 'check') return t(`type.${e.type}`);
  return t('sentence', {
    decision: decisionText(e),
    direction: t(`direction.${e.direction}`),
    visibility: t(`visibility.${e.visibility}`),
    platform: e.platform ?? '',
  });
}

async function loadEvents(append) {
  const params = apiFilters(url());
  params.set('limit', '50');
  if (append && cursor) params.set('cursor', cursor);
  const data = await getJson(`/v1/audit/events?${params}`);
  if (!append) {
    $('events').replaceChildren();
    shown = 0;
  }
  for (const e of data.events) {
    const open = el('button', { type: 'button', textContent: t('open') });
    open.setAttribute('aria-label', `${t('open')}: ${t('detailTitle', { seq: e.seq })}`);
    open.addEventListener('click', () => openEvent(e.id));
    const what = el(
      'td',
      {},
      el('span', { className: `d-${e.decision ?? ''}`, textContent: sentence(e) }),
    );
    const tr = el(
      'tr',
      {},
      el('td', { textContent: when(e.createdAt) }),
      what,
      el('td', { textContent: (e.kinds || []).map(kindName).join(', ') }),
      el('td', { textContent: e.agentId ?? '' }),
      el('td', {
        textContent: e.reviewCount ? t('reviewed') : e.type === 'check' ? t('unreviewed') : '',
      }),
      el('td', {}, open),
    );
    tr.dataset.id = e.id;
    $('events').append(tr);
    shown++;
  }
  cursor = data.nextCursor;
  $('more').hidden = !cursor;
  $('events-count').textContent = shown ? t('eventsCount', { n: shown }) : t('noEvents');
  const exp = apiFilters(url());
  for (const format of ['csv', 'jsonl']) {
    exp.set('format', format);
    $(`export-${format}`).href = `/v1/audit/export?${exp}`;
  }
}

// ---- one event, explained ----

function identityText(identity) {
  if (!identity?.status) return t('identity.none');
  if (identity.status === 'rejected')
    return t('identity.rejected', { reason: identity.reason ?? '' });
  return t(`identity.${identity.status}`);
}
function versionOf(label) {
  const m = /@(\d+)$/.exec(label || '');
  return m ? m[1] : null;
}

/** An event as an officer reads it: what happened, why, what was found, who the customer is, its history. */
function renderEvent(e, container, options = {}) {
  const parts = [];
  parts.push(el('p', { className: `sentence d-${e.decision ?? ''}`, textContent: sentence(e) }));
  const facts = el('dl', { className: 'facts' });
  const fact = (label, value) =>
    facts.append(el('dt', { textContent: label }), el('dd', {}, value));
  fact(t('colTime'), when(e.createdAt));
  if (e.agentId) fact(t('colAgent'), e.agentId);
  if (e.type === 'check') {
    fact(t('identity'), identityText(e.identity));
    const v = versionOf(e.policyVersion);
    fact(
      t('policyVersion'),
      v !== null
        ? el('a', { href: `?view=policy&version=${v}`, textContent: e.policyVersion })
        : (e.policyVersion ?? ''),
    );
    if (e.mode) fact(t('mode'), t(`mode.${e.mode}`));
  }
  parts.push(facts);
  if (e.type === 'check') {
    parts.push(el('h3', { textContent: t('why') }));
    const reasons = el('ul', { className: 'reasons' });
    for (const r of e.rules || [])
      reasons.append(el('li', {}, el('strong', { textContent: `${r}: ` }), ruleReason(r)));
    parts.push(e.rules?.length ? reasons : el('p', { textContent: t('noRules') }));
    if (e.actions?.length) {
      parts.push(el('h3', { textContent: t('actions') }));
      parts.push(el('ul', {}, ...e.actions.map((a) => el('li', { textContent: actionName(a) }))));
    }
    parts.push(el('h3', { textContent: t('findingsTitle') }));
    const list = el('ul', { className: 'findings' });
    for (const f of e.findings || []) {
      const li = el(
        'li',
        {},
        t('finding', { kind: kindName(f.kind), start: f.start, end: f.end }),
        el('span', { className: 'masked', textContent: f.masked }),
        ` · ${t('confidence', { pct: Math.round((f.confidence ?? 0) * 100) })}`,
        f.allowListed ? ` · ${t('allowListed')}` : null,
      );
      if (f.fp) {
        const same = el('a', {
          href: `?view=events&preset=all&fingerprint=${encodeURIComponent(f.fp)}`,
          textContent: t('fingerprintNote'),
        });
        li.append(' · ', same);
      }
      list.append(li);
    }
    parts.push(e.findings?.length ? list : el('p', { textContent: t('noFindings') }));
    parts.push(el('p', { className: 'note', textContent: t('previewNote') }));
  }
  // the receipt, and whether the log still holds the event as signed
  const receiptOut = el('span', { className: 'receipt-result' });
  receiptOut.setAttribute('aria-live', 'polite');
  const receiptButton = el('button', { type: 'button', textContent: t('receiptButton') });
  receiptButton.addEventListener('click', async () => {
    receiptOut.textContent = t('loading');
    try {
      const { receipt } = await getJson(`/v1/audit/events/${encodeURIComponent(e.id)}/receipt`);
      const report = await (
        await api('/v1/audit/verify', { method: 'POST', body: JSON.stringify({ receipt }) })
      ).json();
      const held = (report.held || []).find((h) => h.kind === 'receipt');
      const ok = held?.verdict === 'contained';
      receiptOut.textContent = ok
        ? t('receiptOk')
        : t('receiptBad', { status: held ? held.reason : (report.brokenAt?.reason ?? '') });
      receiptOut.className = `receipt-result ${ok ? 'ok' : 'error'}`;
    } catch (err) {
      receiptOut.textContent = err.message;
      receiptOut.className = 'receipt-result error';
    }
  });
  parts.push(el('h3', { textContent: t('receipt') }), el('p', {}, receiptButton, ' ', receiptOut));
  // history: reviews and overrides, oldest first
  parts.push(el('h3', { textContent: t('history') }));
  const history = [
    ...(e.reviews || []).map((r) => ({
      at: r.createdAt,
      text: [
        t('reviewedBy', {
          verdict: t(`verdict.${r.verdict}`),
          reviewer: r.reviewer,
          time: when(r.createdAt),
        }),
        r.note,
      ],
    })),
    ...(e.overrides || []).map((o) => ({
      at: o.createdAt,
      text: [
        t('overriddenBy', { actor: o.agentId ?? '', time: when(o.createdAt) }),
        o.details?.justification ?? '',
      ],
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  parts.push(
    history.length
      ? el(
          'ul',
          { className: 'history' },
          ...history.map((h) => el('li', {}, el('strong', { textContent: h.text[0] }), h.text[1])),
        )
      : el('p', { textContent: t('noHistory') }),
  );
  if (options.reviewForm && session?.scopes?.includes('audit:review') && e.type === 'check')
    parts.push(reviewForm(e));
  // every public field, as the audit declares them
  const tech = el('details', {}, el('summary', { textContent: t('technical') }));
  const dl = el('dl', { className: 'facts' });
  for (const f of fields) {
    const v = e[f.name];
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    dl.append(
      el('dt', { textContent: f.label }),
      el(
        'dd',
        {},
        typeof v === 'object' ? el('pre', { textContent: JSON.stringify(v, null, 2) }) : String(v),
      ),
    );
  }
  tech.append(dl);
  parts.push(tech);
  container.replaceChildren(...parts);
}

function reviewForm(e) {
  const form = el('form', { className: 'review-form' });
  const select = el('select', { name: 'verdict', id: 'review-verdict' });
  for (const v of ['confirmed', 'false_positive', 'escalated'])
    select.append(el('option', { value: v, textContent: t(`verdict.${v}`) }));
  const note = el('textarea', {
    name: 'note',
    id: 'review-note',
    required: true,
    maxLength: 2000,
    rows: 2,
  });
  form.append(
    el('h3', { textContent: t('addReview') }),
    el('label', { htmlFor: 'review-verdict', textContent: t('verdict') }),
    ' ',
    select,
    el('br'),
    el('label', { htmlFor: 'review-note', textContent: t('note') }),
    el('br'),
    note,
    el('br'),
    el('button', { type: 'submit', className: 'primary', textContent: t('save') }),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await review(e.id, select.value, note.value);
      status(t('saved'));
      await openEvent(e.id, true);
    } catch (err) {
      fail(err);
    }
  });
  return form;
}

const review = (id, verdict, note) =>
  api(`/v1/audit/events/${encodeURIComponent(id)}/reviews`, {
    method: 'POST',
    body: JSON.stringify({ verdict, note }),
  });

async function openEvent(id, keepUrl) {
  try {
    const e = await getJson(`/v1/audit/events/${encodeURIComponent(id)}`);
    $('detail-h').textContent = t('detailTitle', { seq: e.seq });
    renderEvent(e, $('detail-body'), { reviewForm: true });
    if (!$('detail').open) $('detail').showModal();
    if (!keepUrl) {
      const p = url();
      p.set('event', id);
      history.replaceState(null, '', `?${p}`);
    }
  } catch (err) {
    fail(err);
  }
}

// ---- the review queue, by keyboard ----

let queue = [];
let current = 0;
let pendingVerdict = null;

async function loadQueue() {
  const data = await getJson('/v1/audit/queue?limit=200');
  queue = data.events;
  current = Math.min(current, Math.max(0, queue.length - 1));
  $('queue-count').textContent = data.counts.total
    ? t('queueCount', { n: data.counts.total })
    : t('queueEmpty');
  const rows = (list, name) =>
    list.map((r) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row', textContent: name(r) }),
        el('td', { textContent: String(r.count) }),
      ),
    );
  $('queue-agents').replaceChildren(...rows(data.counts.byAgent, (r) => r.agent ?? '—'));
  $('queue-kinds').replaceChildren(...rows(data.counts.byKind, (r) => kindName(r.kind)));
  renderQueue();
}
function renderQueue() {
  $('queue-list').replaceChildren(
    ...queue.map((e, i) => {
      const b = el(
        'button',
        { type: 'button' },
        el('span', { className: `d-${e.decision}`, textContent: decisionText(e) }),
        el('br'),
        `${when(e.createdAt)} · ${(e.kinds || []).map(kindName).join(', ')}`,
      );
      b.setAttribute('aria-current', String(i === current));
      b.addEventListener('click', () => {
        current = i;
        renderQueue();
      });
      return el('li', {}, b);
    }),
  );
  const e = queue[current];
  if (e) {
    const item = $('queue-item');
    renderEvent(e, item);
    item.prepend(el('h3', { textContent: t('detailTitle', { seq: e.seq }) }));
    $('queue-list').children[current]?.scrollIntoView({ block: 'nearest' });
  } else $('queue-item').replaceChildren(el('p', { textContent: t('queueEmpty') }));
}
function askNote(verdict) {
  if (!queue[current]) return;
  pendingVerdict = verdict;
  $('queue-note').hidden = false;
  $('queue-note-label').textContent = t('queueNotePrompt', { verdict: t(`verdict.${verdict}`) });
  $('queue-note-text').value = '';
  $('queue-note-text').focus();
}
function cancelNote() {
  pendingVerdict = null;
  $('queue-note').hidden = true;
  $('queue-list').querySelector('[aria-current="true"]')?.focus();
}
async function saveNote() {
  const e = queue[current];
  const note = $('queue-note-text').value.trim();
  if (!e || !pendingVerdict || !note) return;
  try {
    await review(e.id, pendingVerdict, note);
    const done = t('queueDone', { verdict: t(`verdict.${pendingVerdict}`), seq: e.seq });
    pendingVerdict = null;
    $('queue-note').hidden = true;
    await loadQueue();
    // the next item has the focus before the officer is told: a key pressed then acts on it
    $('queue-list').querySelector('[aria-current="true"]')?.focus();
    status(done);
  } catch (err) {
    fail(err);
  }
}
function queueKeys(ev) {
  if ($('view-queue').hidden || $('detail').open) return;
  if (ev.target.closest?.('#queue-note')) {
    if (ev.key === 'Escape') cancelNote();
    return;
  }
  if (
    ['INPUT', 'SELECT', 'TEXTAREA'].includes(ev.target.tagName) ||
    ev.ctrlKey ||
    ev.metaKey ||
    ev.altKey
  )
    return;
  const key = ev.key.toLowerCase();
  const move = (d) => {
    current = Math.max(0, Math.min(queue.length - 1, current + d));
    renderQueue();
    $('queue-list').querySelector('[aria-current="true"]')?.focus();
  };
  const actions = {
    j: () => move(1),
    arrowdown: () => move(1),
    k: () => move(-1),
    arrowup: () => move(-1),
    c: () => askNote('confirmed'),
    f: () => askNote('false_positive'),
    e: () => askNote('escalated'),
  };
  if (actions[key]) {
    ev.preventDefault();
    actions[key]();
  }
}

// ---- policy versions ----

let versions = [];
async function loadPolicy(params) {
  versions = (await getJson('/v1/audit/policy-versions')).versions;
  $('versions').replaceChildren(
    ...versions.map((v) => {
      const link = el('a', {
        href: `?view=policy&version=${v.version}`,
        textContent: String(v.version),
      });
      link.setAttribute('aria-label', t('showVersion', { v: v.version }));
      return el(
        'tr',
        {},
        el('th', { scope: 'row' }, link, v.version === 0 ? ` (${t('defaultPolicy')})` : ''),
        el('td', { textContent: when(v.createdAt) }),
        el('td', { textContent: v.createdBy ?? '' }),
        el('td', { textContent: v.changed.join(', ') }),
        el('td', { textContent: v.mode ?? '' }),
        el('td', { textContent: String(v.checks) }),
        el('td', { textContent: String(v.wouldBlock) }),
      );
    }),
  );
  for (const id of ['diff-from', 'diff-to'])
    $(id).replaceChildren(
      ...versions.map((v) =>
        el('option', {
          value: v.version,
          textContent: `${v.version}${v.createdAt ? ` · ${when(v.createdAt)}` : ''}`,
        }),
      ),
    );
  const last = versions[versions.length - 1];
  $('diff-from').value =
    params.get('from') ?? String(versions[Math.max(0, versions.length - 2)]?.version ?? 0);
  $('diff-to').value = params.get('to') ?? String(last?.version ?? 0);
  if (params.get('from') && params.get('to')) await showDiff(params.get('from'), params.get('to'));
  else $('diff-result').replaceChildren();
  const version = params.get('version');
  if (version !== null) {
    const doc = await getJson(`/v1/audit/policy-versions/${encodeURIComponent(version)}`);
    $('version-doc').replaceChildren(
      el('h3', { textContent: `${t('colVersion')} ${doc.version}: ${doc.policyVersion}` }),
      el('pre', { textContent: JSON.stringify(doc.policy, null, 2) }),
    );
  } else $('version-doc').replaceChildren();
}
const shownValue = (v) =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);
async function showDiff(from, to) {
  const d = await getJson(
    `/v1/audit/policy-versions/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  if (d.changes.length === 0) {
    $('diff-result').replaceChildren(el('p', { textContent: t('diffNone') }));
    return;
  }
  const head = el(
    'tr',
    {},
    ...['colSetting', 'colBefore', 'colAfter'].map((k) =>
      el('th', { scope: 'col', textContent: t(k) }),
    ),
  );
  // a list of words is shown by what left it and what joined it; any other setting before and after
  const rows = d.changes.map((c) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row', textContent: c.path }),
      el(
        'td',
        { className: 'diff-removed' },
        el('code', {
          textContent: c.removed
            ? c.removed.map(shownValue).join(', ') || '—'
            : shownValue(c.before),
        }),
      ),
      el(
        'td',
        { className: 'diff-added' },
        el('code', {
          textContent: c.added ? c.added.map(shownValue).join(', ') || '—' : shownValue(c.after),
        }),
      ),
    ),
  );
  $('diff-result').replaceChildren(
    el(
      'div',
      { className: 'table-wrap' },
      el(
        'table',
        { id: 'diff-table' },
        el('caption', { textContent: `${t('colVersion')} ${d.from} → ${d.to}` }),
        el('thead', {}, head),
        el('tbody', {}, ...rows),
      ),
    ),
  );
}

// ---- charts (Chart.js, served by the service) ----

function chartCard(id, title, type, labels, datasets, table, options = {}, place = {}) {
  const canvas = el('canvas', { id: `chart-${id}` });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${title}: ${t('chartTable')}`);
  const tableEl = el(
    'table',
    { className: 'chart-data', id: `table-${id}` },
    el(
      'thead',
      {},
      el('tr', {}, ...table.head.map((h) => el('th', { scope: 'col', textContent: h }))),
    ),
    el(
      'tbody',
      {},
      ...table.rows.map((r) =>
        el(
          'tr',
          {},
          ...r.map((c, i) =>
            i === 0 ? el('th', { scope: 'row', textContent: c }) : el('td', { textContent: c }),
          ),
        ),
      ),
    ),
  );
  const card = el(
    'figure',
    { className: 'chart' },
    el('figcaption', {}, el(place.heading || 'h3', { textContent: title })),
    // Chart.js sizes the canvas to this box: its height must not depend on the canvas
    el('div', { className: 'chart-box' }, canvas),
    el('details', {}, el('summary', { textContent: t('chartTable') }), tableEl),
  );
  (place.container || $('charts')).append(card);
  if (window.Chart) {
    charts.push(
      new window.Chart(canvas, {
        type,
        data: { labels, datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false, ...options },
      }),
    );
  }
}
const COLORS = { block: '#a4161a', warn: '#b86e00', allow: '#1d6b35', line: '#0b5cad' };
async function loadCharts(params) {
  for (const c of charts.splice(0)) c.destroy();
  $('charts').replaceChildren();
  const preset = params.get('preset') || '30d';
  $('chart-filters').elements.preset.value = preset;
  const q = apiFilters(new URLSearchParams({ preset }));
  q.set('tz', tz);
  const s = await getJson(`/v1/audit/summary?${q}`);
  const pct = (x) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);
  $('totals').textContent = t('totals', {
    checks: s.checks,
    wouldBlock: s.wouldBlock,
    fp: pct(s.falsePositiveRate),
  });
  const days = s.byDay.map((d) => d.day);
  const dayLabel = (d) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${d}T00:00:00Z`),
    );
  const stacked = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } };
  chartCard(
    'decisions',
    t('chartDecisions'),
    'bar',
    days.map(dayLabel),
    ['block', 'warn', 'allow'].map((d) => ({
      label: t(`decision.${d}`),
      data: s.byDay.map((x) => x[d] ?? 0),
      backgroundColor: COLORS[d],
    })),
    {
      head: [t('day'), ...['block', 'warn', 'allow'].map((d) => t(`decision.${d}`))],
      rows: s.byDay.map((x) => [
        dayLabel(x.day),
        String(x.block ?? 0),
        String(x.warn ?? 0),
        String(x.allow ?? 0),
      ]),
    },
    stacked,
  );
  const kinds = Object.entries(s.byKind);
  chartCard(
    'kinds',
    t('chartKinds'),
    'bar',
    kinds.map(([k]) => kindName(k)),
    [{ label: t('count'), data: kinds.map(([, n]) => n), backgroundColor: COLORS.line }],
    { head: [t('kinds'), t('count')], rows: kinds.map(([k, n]) => [kindName(k), String(n)]) },
    { indexAxis: 'y', plugins: { legend: { display: false } } },
  );
  chartCard(
    'would-block',
    t('chartWouldBlock'),
    'line',
    days.map(dayLabel),
    [
      {
        label: t('wouldBlock'),
        data: s.byDay.map((x) => x.wouldBlock),
        borderColor: COLORS.warn,
        backgroundColor: COLORS.warn,
      },
    ],
    {
      head: [t('day'), t('count')],
      rows: s.byDay.map((x) => [dayLabel(x.day), String(x.wouldBlock)]),
    },
    { scales: { y: { beginAtZero: true } } },
  );
  chartCard(
    'fp',
    t('chartFp'),
    'line',
    days.map(dayLabel),
    [
      {
        label: t('rate'),
        data: s.byDay.map((x) => (x.falsePositiveRate === null ? null : x.falsePositiveRate * 100)),
        borderColor: COLORS.block,
        backgroundColor: COLORS.block,
        spanGaps: true,
      },
    ],
    {
      head: [t('day'), t('reviewedEvents'), t('verdict.false_positive'), t('rate')],
      rows: s.byDay.map((x) => [
        dayLabel(x.day),
        String(x.reviewed),
        String(x.falsePositive),
        pct(x.falsePositiveRate),
      ]),
    },
    { scales: { y: { beginAtZero: true, suggestedMax: 100 } } },
  );
  $('charts').append(el('p', { className: 'note', textContent: t('fpNote') }));
  await loadCare(preset);
}

// ---- care metrics (GET /v1/care/summary, docs/care.md) ----

const CARE_STATUSES = [
  ['in_time', 'inTime', COLORS.allow],
  ['late', 'late', COLORS.warn],
  ['open', 'open', COLORS.line],
  ['overdue', 'overdue', COLORS.block],
];
async function loadCare(preset) {
  const place = { container: $('care-charts'), heading: 'h4' };
  $('care-charts').replaceChildren();
  $('care-overdue').replaceChildren();
  // the summary takes at most 366 days: "all time" is the last 365 (a margin for clock skew)
  const days = Math.min(PRESETS[preset] ?? 365, 365);
  const q = new URLSearchParams({ from: new Date(Date.now() - days * 86_400_000).toISOString() });
  let s;
  try {
    s = await getJson(`/v1/care/summary?${q}`);
  } catch (err) {
    $('care-totals').textContent = t('error', { message: err.message });
    return;
  }
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const minutes = (sec) => (sec === null || sec === undefined ? null : sec / 60);
  const shownMin = (sec) => (minutes(sec) === null ? '—' : num.format(minutes(sec)));
  const pct = (x) => (x === null || x === undefined ? '—' : `${num.format(x * 100)}%`);
  const tot = s.totals;
  $('care-totals').textContent =
    tot.threads === 0
      ? t('careEmpty')
      : t('careTotals', {
          threads: tot.threads,
          median: `${shownMin(tot.firstReplySeconds.median)} min`,
          p90: `${shownMin(tot.firstReplySeconds.p90)} min`,
          answered: pct(tot.answeredShare),
          deadline: s.followUpMinutes,
        });
  const groupName = (g) => `${g.platform || '—'} · ${t(`channel.${g.channel}`)}`;
  const labels = s.groups.map(groupName);
  chartCard(
    'care-reply',
    t('chartCareReply'),
    'bar',
    labels,
    [
      {
        label: t('colMedianMin'),
        data: s.groups.map((g) => minutes(g.firstReplySeconds.median)),
        backgroundColor: COLORS.line,
      },
      {
        label: t('colP90Min'),
        data: s.groups.map((g) => minutes(g.firstReplySeconds.p90)),
        backgroundColor: COLORS.warn,
      },
    ],
    {
      head: [t('colGroup'), t('colThreads'), t('colMedianMin'), t('colP90Min')],
      rows: s.groups.map((g) => [
        groupName(g),
        String(g.threads),
        shownMin(g.firstReplySeconds.median),
        shownMin(g.firstReplySeconds.p90),
      ]),
    },
    { scales: { y: { beginAtZero: true } } },
    place,
  );
  chartCard(
    'care-answered',
    t('chartCareAnswered'),
    'bar',
    labels,
    [
      {
        label: t('colShare'),
        data: s.groups.map((g) => (g.answeredShare === null ? null : g.answeredShare * 100)),
        backgroundColor: COLORS.allow,
      },
    ],
    {
      head: [t('colGroup'), t('colInbound'), t('colAnswered'), t('colShare')],
      rows: s.groups.map((g) => [
        groupName(g),
        String(g.inboundPosts),
        String(g.answeredPosts),
        pct(g.answeredShare),
      ]),
    },
    { scales: { y: { beginAtZero: true, max: 100 } }, plugins: { legend: { display: false } } },
    place,
  );
  chartCard(
    'care-disclosures',
    t('chartCareDisclosures'),
    'bar',
    labels,
    CARE_STATUSES.map(([status, key, color]) => ({
      label: t(`care.${status}`),
      data: s.groups.map((g) => g.disclosures[key]),
      backgroundColor: color,
    })),
    {
      head: [t('colGroup'), ...CARE_STATUSES.map(([status]) => t(`care.${status}`))],
      rows: s.groups.map((g) => [
        groupName(g),
        ...CARE_STATUSES.map(([, key]) => String(g.disclosures[key])),
      ]),
    },
    {
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
    place,
  );
  if (s.overdue.length === 0) {
    $('care-overdue').append(el('p', { textContent: t('overdueNone') }));
    return;
  }
  const head = el(
    'tr',
    {},
    ...['colDisclosed', 'colGroup', 'kinds', 'colDeadline'].map((k) =>
      el('th', { scope: 'col', textContent: t(k) }),
    ),
    el('th', { scope: 'col' }, el('span', { className: 'sr-only', textContent: t('open') })),
  );
  const rows = s.overdue.map((d) => {
    const link = el('a', {
      href: `?view=events&preset=all&event=${encodeURIComponent(d.eventId)}`,
      textContent: t('open'),
    });
    link.setAttribute('aria-label', `${t('open')}: ${t('detailTitle', { seq: d.seq })}`);
    return el(
      'tr',
      {},
      el('th', { scope: 'row', textContent: when(d.disclosedAt) }),
      // a disclosure is a public post
      el('td', { textContent: `${d.platform || '—'} · ${t('channel.public')}` }),
      el('td', { textContent: d.kinds.map(kindName).join(', ') }),
      el('td', { textContent: when(d.deadlineAt) }),
      el('td', {}, link),
    );
  });
  $('care-overdue').append(
    el(
      'div',
      { className: 'table-wrap' },
      el(
        'table',
        { id: 'table-care-overdue' },
        el('caption', { className: 'sr-only', textContent: t('overdueTitle') }),
        el('thead', {}, head),
        el('tbody', {}, ...rows),
      ),
    ),
  );
}

// ---- views ----

async function route() {
  const params = url();
  const view = params.get('view') || 'events';
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== `view-${view}`;
  for (const a of $('nav').querySelectorAll('a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  status(t('loading'));
  try {
    if (view === 'events') {
      await buildFilters(params);
      await loadEvents(false);
      if (params.get('event')) await openEvent(params.get('event'), true);
    } else if (view === 'queue') await loadQueue();
    else if (view === 'policy') await loadPolicy(params);
    else if (view === 'charts') await loadCharts(params);
    status('');
  } catch (err) {
    fail(err);
  }
}

function fillTimeZones() {
  const zones = [
    ...new Set([
      Intl.DateTimeFormat().resolvedOptions().timeZone,
      tz,
      'Europe/Warsaw',
      'Europe/Vilnius',
      'Europe/London',
      'UTC',
    ]),
  ];
  $('tz').replaceChildren(...zones.map((z) => el('option', { value: z, textContent: z })));
  $('tz').value = tz;
}

async function start() {
  T = await (await fetch('/console/texts.json')).json();
  fields = await (await fetch('/console/fields.json')).json();
  $('lang').value = lang;
  fillTimeZones();
  applyTexts();
  if (!(await loadSession())) return showSignIn();
  $('view-signin').hidden = true;
  $('nav').hidden = false;
  $('signout').hidden = false;
  $('who').textContent = t('signedInAs', {
    name: session.name || session.subject,
    tenant: session.tenant,
  });
  await route();
}

document.addEventListener('DOMContentLoaded', () => {
  $('lang').addEventListener('change', () => {
    lang = $('lang').value;
    localStorage.setItem('sargas-lang', lang);
    start().catch(fail);
  });
  $('tz').addEventListener('change', () => {
    tz = $('tz').value;
    localStorage.setItem('sargas-tz', tz);
    start().catch(fail);
  });
  $('devtoken').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const res = await fetch('/console/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: $('token').value.trim() }),
      });
      if (!res.ok) throw new Error((await res.json()).error.message);
      $('token').value = '';
      history.replaceState(null, '', '?view=events');
      await start();
    } catch (err) {
      $('signin-error').textContent = err.message;
    }
  });
  $('signout').addEventListener('click', async () => {
    await api('/console/logout', { method: 'POST' }).catch(() => {});
    session = null;
    await start();
  });
  $('nav').addEventListener('click', (ev) => {
    const a = ev.target.closest('a[data-view]');
    if (!a) return;
    ev.preventDefault();
    go(new URLSearchParams({ view: a.dataset.view }));
  });
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    go(filtersFromForm());
  });
  $('filters').elements.preset.addEventListener('change', () => toggleCustom($('filters')));
  $('clear').addEventListener('click', () => go(new URLSearchParams({ view: 'events' })));
  $('more').addEventListener('click', () => loadEvents(true).catch(fail));
  $('detail-close').addEventListener('click', () => $('detail').close());
  $('detail').addEventListener('close', () => {
    const p = url();
    if (p.has('event')) {
      p.delete('event');
      history.replaceState(null, '', `?${p}`);
    }
  });
  $('verify').addEventListener('click', async () => {
    try {
      const r = await getJson('/v1/audit/verify');
      $('verify-result').textContent = r.ok
        ? t('chainOk', { n: r.events })
        : t('chainBroken', { n: r.breakCount });
      $('verify-result').className = r.ok ? 'ok' : 'error';
    } catch (err) {
      fail(err);
    }
  });
  $('lookup').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const form = new FormData($('lookup'));
    const body = {};
    for (const key of ['text', 'customerId'])
      if (String(form.get(key) || '').trim()) body[key] = String(form.get(key)).trim();
    try {
      const r = await (
        await api('/v1/audit/fingerprints', { method: 'POST', body: JSON.stringify(body) })
      ).json();
      // the values leave the page: only what the service found, masked, is shown
      $('lookup').reset();
      if (r.fingerprint.length === 0) {
        $('lookup-result').textContent = t('lookupNothing');
        return;
      }
      const found = [
        ...r.findings.map((f) => `${kindName(f.kind)} ${f.masked}`),
        ...(r.customer ? [t('lookupCustomer')] : []),
      ];
      const p = filtersFromForm();
      p.set('fingerprint', r.fingerprint.slice(0, 16).join(','));
      go(p);
      $('lookup-result').textContent = t('lookupFound', { kinds: found.join(', ') });
    } catch (err) {
      fail(err);
    }
  });
  $('diff').addEventListener('submit', (ev) => {
    ev.preventDefault();
    go(new URLSearchParams({ view: 'policy', from: $('diff-from').value, to: $('diff-to').value }));
  });
  $('chart-filters').elements.preset.addEventListener('change', () =>
    go(new URLSearchParams({ view: 'charts', preset: $('chart-filters').elements.preset.value })),
  );
  $('queue-note').addEventListener('submit', (ev) => {
    ev.preventDefault();
    saveNote();
  });
  document.addEventListener('keydown', queueKeys);
  window.addEventListener('popstate', () => route());
  start().catch(fail);
});
