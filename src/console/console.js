// The audit console: plain DOM, every value written with textContent (never as HTML).

const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem('sargas-token') || '';
let cursor = null;
// each public field of an event, its label and whether the list shows it (GET /console/fields.json)
let fields = [];

/** A field's value as text: lists joined, objects as JSON, times without the T. */
function show(name, e) {
  const v = e[name];
  if (name === 'decision' && e.wouldBlock) return `${v} (would block)`;
  if (name === 'createdAt' && typeof v === 'string') return v.replace('T', ' ').slice(0, 19);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(', ');
  if (v !== null && typeof v === 'object') return JSON.stringify(v, null, 2);
  return v === null || v === undefined ? '' : String(v);
}

async function loadFields() {
  fields = await (await fetch('/console/fields.json')).json();
  $('columns').replaceChildren(
    ...fields
      .filter((f) => f.listed)
      .map((f) =>
        Object.assign(document.createElement('th'), {
          textContent: f.name === 'createdAt' ? `${f.label} (UTC)` : f.label,
        }),
      ),
  );
}

function status(message, error) {
  $('status').textContent = message || '';
  $('status').className = error ? 'error' : '';
}

async function api(path, options = {}) {
  const res = await fetch(path, {
    ...options,
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
  });
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

function query() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($('filters'))) {
    if (!v) continue;
    params.set(k, k === 'from' || k === 'to' ? new Date(`${v}Z`).toISOString() : String(v));
  }
  return params;
}

function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  if (cls) td.className = cls;
  row.appendChild(td);
}

async function loadEvents(append) {
  const params = query();
  params.set('limit', '50');
  if (append && cursor) params.set('cursor', cursor);
  const data = await (await api(`/v1/audit/events?${params}`)).json();
  if (!append) $('events').replaceChildren();
  for (const e of data.events) {
    const tr = document.createElement('tr');
    for (const f of fields)
      if (f.listed) cell(tr, show(f.name, e), f.name === 'decision' ? e.decision : undefined);
    tr.addEventListener('click', () => showEvent(e.id).catch((err) => status(err.message, true)));
    $('events').appendChild(tr);
  }
  cursor = data.nextCursor;
  $('more').hidden = !cursor;
}

async function showEvent(id) {
  const e = await (await api(`/v1/audit/events/${encodeURIComponent(id)}`)).json();
  $('detail').hidden = false;
  $('detail').dataset.id = id;
  $('detail-id').textContent = `#${e.seq} ${e.id}`;
  const { reviews } = e;
  $('detail-body').replaceChildren(
    ...fields
      .filter((f) => e[f.name] !== null && e[f.name] !== undefined)
      .flatMap((f) => [
        Object.assign(document.createElement('dt'), { textContent: f.label }),
        Object.assign(document.createElement('dd'), { textContent: show(f.name, e) }),
      ]),
  );
  // the same value in other events, through its keyed fingerprint (never the value)
  const values = [
    ...(e.findings || []).filter((f) => f.fp).map((f) => [`${f.kind} ${f.masked}`, f.fp]),
    ...(e.customerFingerprint ? [['customer', e.customerFingerprint]] : []),
  ];
  $('detail-fps').replaceChildren(
    ...values.map(([label, fp]) => {
      const b = Object.assign(document.createElement('button'), {
        type: 'button',
        textContent: `Events with this ${label}`,
      });
      b.addEventListener('click', () => {
        $('filters').elements.fingerprint.value = fp;
        refresh();
      });
      return b;
    }),
  );
  $('reviews').replaceChildren(
    ...reviews.map((r) => {
      const li = document.createElement('li');
      li.textContent = `${r.createdAt} ${r.reviewer}: ${r.verdict} — ${r.note}`;
      return li;
    }),
  );
}

async function loadSummary() {
  const s = await (await api(`/v1/audit/summary?${query()}`)).json();
  const lines = [
    `Checks: ${s.checks} (allow ${s.decisions.allow || 0}, warn ${s.decisions.warn || 0}, block ${s.decisions.block || 0}); would have been blocked in monitor mode: ${s.wouldBlock}`,
    `By kind: ${
      Object.entries(s.byKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || '—'
    }`,
    `By rule: ${
      Object.entries(s.byRule)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || '—'
    }`,
    `Reviewed: ${s.reviews.reviewed}; false-positive rate: ${s.falsePositiveRate === null ? '—' : `${(s.falsePositiveRate * 100).toFixed(1)}%`}`,
  ];
  $('summary').replaceChildren(
    ...lines.map((l) => Object.assign(document.createElement('div'), { textContent: l })),
  );
}

async function download(format) {
  const params = query();
  params.set('format', format);
  const res = await api(`/v1/audit/export?${params}`);
  const blob = await res.blob();
  const a = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: `sargas-audit-${res.headers.get('x-sargas-export-through')}.${format}`,
  });
  a.click();
  URL.revokeObjectURL(a.href);
}

async function refresh() {
  if (!token) return status('Paste an access token to begin.');
  try {
    if (fields.length === 0) await loadFields();
    await Promise.all([loadEvents(false), loadSummary()]);
    status('');
  } catch (err) {
    status(err.message, true);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('token').value = token;
  $('auth').addEventListener('submit', (ev) => {
    ev.preventDefault();
    token = $('token').value.trim();
    sessionStorage.setItem('sargas-token', token);
    refresh();
  });
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    refresh();
  });
  $('more').addEventListener('click', () =>
    loadEvents(true).catch((err) => status(err.message, true)),
  );
  $('export-csv').addEventListener('click', () =>
    download('csv').catch((err) => status(err.message, true)),
  );
  $('export-jsonl').addEventListener('click', () =>
    download('jsonl').catch((err) => status(err.message, true)),
  );
  $('verify').addEventListener('click', async () => {
    try {
      const r = await (await api('/v1/audit/verify')).json();
      $('verify-result').textContent = r.ok
        ? `intact: ${r.events} events, head ${r.head.slice(0, 16)}…${r.tree ? `, tree root ${r.tree.root.slice(0, 16)}…` : ''}`
        : `BROKEN: ${r.breakCount} problem(s), first at #${r.brokenAt.seq ?? '?'}: ${r.brokenAt.reason}`;
      $('verify-result').className = r.ok ? 'ok' : 'broken';
    } catch (err) {
      status(err.message, true);
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
      const found = [
        ...r.findings.map((f) => `${f.kind} ${f.masked}`),
        ...(r.customer ? ['customer id'] : []),
      ];
      if (r.fingerprint.length === 0) {
        $('lookup-result').textContent =
          'Nothing to search for: no IBAN, phone, e-mail, ID or address was found in the text.';
        return;
      }
      $('lookup-result').textContent =
        `Searching for ${found.join(', ')} under ${new Set([...r.findings.flatMap((f) => f.fingerprints.map((k) => k.keyId)), ...(r.customer || []).map((k) => k.keyId)]).size} key(s).`;
      $('filters').elements.fingerprint.value = r.fingerprint.slice(0, 16).join(',');
      await refresh();
    } catch (err) {
      status(err.message, true);
    }
  });
  $('review').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const form = new FormData($('review'));
    try {
      await api(`/v1/audit/events/${encodeURIComponent($('detail').dataset.id)}/reviews`, {
        method: 'POST',
        body: JSON.stringify({ verdict: form.get('verdict'), note: form.get('note') }),
      });
      $('review').reset();
      await showEvent($('detail').dataset.id);
    } catch (err) {
      status(err.message, true);
    }
  });
  refresh();
});
