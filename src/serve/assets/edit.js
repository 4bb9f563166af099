// The editor's page: loads the schema and the file's fields from the content API, builds the
// form (edit-form.js), previews every change as the real typeset pages with the check's
// diagnostics at their fields, and saves (after showing what changes) with the version it
// replaces; a conflict with the file on disk is merged and shown side by side. What is typed
// is kept in localStorage until it is saved.
'use strict';
(function () {
  const F = drukwerkForm;
  const h = F.h;
  const t = drukwerkText;
  const body = document.body;
  const kind = body.dataset.kind;
  const id = body.dataset.id;
  const isNew = body.dataset.mode === 'new';
  const api = kind === 'publication' ? '/api/content/publication' : '/api/content/' + kind + '/' + id;
  const draftKey = 'drukwerk:concept:' + kind + '/' + (isNew ? ':nieuw' : id || '');
  const draftId = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
  const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  const el = (name) => document.getElementById(name);
  const fieldsBox = el('fields');
  const statusLine = el('editor-status');
  const notices = el('notices');
  const saveButton = el('save');
  const saveHint = el('save-hint');
  const general = el('general-diagnostics');
  const conflictsBox = el('conflicts');
  const previewPages = el('preview-pages');
  const previewState = el('preview-state');
  const diagLive = el('diag-live');

  let schema = null;
  let kindSchema = null;
  /** What the file holds now: { version, fields, file, referenced_by }. */
  let base = { version: null, fields: {}, file: null, referenced_by: [] };
  /** The form's value right after `base` was loaded (the form normalises a little). */
  let baseValue = {};
  let form = null;
  let diagnostics = [];
  let conflicts = []; // [{ field, base, mine, theirs, choice }]
  let ready = false;
  let saving = false;

  // --- requests --------------------------------------------------------------------------

  class HttpError extends Error {
    constructor(status, data) {
      super(data && data.error ? data.error : 'HTTP ' + status);
      this.status = status;
      this.data = data;
    }
  }

  async function request(method, url, json) {
    const init = { method, headers: {}, credentials: 'same-origin' };
    if (json !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(json);
    }
    const response = await fetch(url, init);
    let data = null;
    try { data = await response.json(); } catch { /* no body */ }
    if (response.status === 401) {
      notice('token', 'error', t('editor-no-access-token'));
    }
    return { status: response.status, ok: response.ok, data };
  }

  // --- status and notices ----------------------------------------------------------------

  function setStatus(text) { if (statusLine.textContent !== text) statusLine.textContent = text; }

  const locale = document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL';
  const time = (d) => d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const dateTime = (d) => d.toLocaleString(locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

  /** A notice above the form (one per `key`), with optional buttons [label, handler]. */
  function notice(key, severity, text, buttons) {
    let box = notices.querySelector('[data-key="' + key + '"]');
    if (!box) {
      box = h('div', { class: 'notice ' + severity, 'data-key': key, role: severity === 'error' ? 'alert' : null });
      notices.append(box);
    }
    box.replaceChildren(h('p', {}, text));
    if (buttons && buttons.length) {
      box.append(h('p', { class: 'notice-actions' }, buttons.map(([label, handler]) => h('button', { type: 'button', onclick: handler }, label))));
    }
    return box;
  }
  function clearNotice(key) {
    const box = notices.querySelector('[data-key="' + key + '"]');
    if (box) box.remove();
  }

  // --- the dialog ------------------------------------------------------------------------

  const dialog = el('dialog');
  /** Shows the dialog; resolves true when the user confirms. */
  function ask(title, content, okLabel, danger) {
    el('dialog-title').textContent = title;
    el('dialog-body').replaceChildren(...[].concat(content));
    const ok = el('dialog-ok');
    ok.textContent = okLabel;
    ok.className = danger ? 'danger' : 'primary';
    dialog.returnValue = '';
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
      dialog.showModal();
    });
  }

  // --- labels for paths ------------------------------------------------------------------

  /** `abc.pillars[1].text` → "ABC&S › Pijlers 2 › Tekst", from the schema's labels. */
  function labelOf(path) {
    let fields = kindSchema ? kindSchema.fields : [];
    const out = [];
    let parent = null;
    for (const part of F.parsePath(path)) {
      if (typeof part === 'number') {
        out.push((out.pop() || '') + ' ' + (part + 1));
        continue;
      }
      const field = (fields || []).find((f) => f.key === part);
      if (field) {
        out.push(field.label);
        fields = field.fields || [];
        parent = field;
      } else if (parent && parent.widget === 'figures') {
        const figure = (schema.choices.key_figures || []).find((k) => k.id === part);
        out.push(figure ? figure.label : part);
      } else {
        out.push(part);
      }
    }
    return out.join(' \u203a ');
  }

  function show(value) {
    if (value === undefined || value === null || value === '') return t('editor-empty');
    if (typeof value === 'number') return F.formatInteger(value);
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    const text = String(value);
    return text.length > 400 ? text.slice(0, 400) + '\u2026' : text;
  }

  // --- the form --------------------------------------------------------------------------

  function fieldList() {
    // The id names the file; it is chosen once, when the file is made.
    if (!isNew) return kindSchema.fields.filter((f) => f.key !== 'id');
    const idField = Object.assign({ key: 'id', label: t('editor-id-label'), help: t('editor-id-help') },
      kindSchema.fields.find((f) => f.key === 'id') || {}, { widget: 'text', required: true });
    // The required fields first; the others too, since some rules need one of several
    // optional fields (a region needs municipalities or provinces).
    const rest = kindSchema.fields.filter((f) => f.key !== 'id');
    return [idField].concat(rest.filter((f) => f.required), rest.filter((f) => !f.required));
  }

  function renderForm(values) {
    form = F.build(fieldList(), values, {
      schema,
      onChange: changed,
      upload: uploadImage,
    });
    fieldsBox.replaceChildren(form.element);
    showDiagnostics();
  }

  function value() {
    const v = form.value();
    if (isNew) delete v.id;
    return v;
  }

  const same = (a, b) => F.canonical(a) === F.canonical(b);
  const dirty = () => ready && form && !same(value(), baseValue);

  function changed() {
    if (!ready) return;
    saveDraft();
    updateSaveState();
    if (isNew) checkNewId();
    schedulePreview();
  }

  async function uploadImage(file) {
    const data = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.onerror = () => reject(new Error(t('editor-file-unreadable')));
      reader.readAsDataURL(file);
    });
    const r = await request('POST', '/api/content/images', { name: file.name, data });
    if (r.status === 201 && r.data && r.data.path) {
      if (!schema.choices.images.includes(r.data.path)) schema.choices.images.push(r.data.path);
      return r.data.path;
    }
    const d = r.data && r.data.diagnostics && r.data.diagnostics[0];
    throw new Error(d ? d.message : (r.data && r.data.error) || 'HTTP ' + r.status);
  }

  // --- diagnostics -----------------------------------------------------------------------

  function slotFor(path) {
    let p = path || '';
    while (p) {
      const slot = form.slots.get(p);
      if (slot) return slot;
      p = F.parentPath(p);
    }
    return null;
  }

  let diagCounter = 0;
  function diagnosticElement(d) {
    diagCounter += 1;
    const error = d.severity === 'error';
    const item = h('div', { class: 'diag ' + (error ? 'error' : 'warning'), id: 'diag-' + diagCounter, 'data-code': d.code || '' },
      h('p', { class: 'diag-message' }, h('strong', {}, error ? t('editor-error-prefix') : t('editor-warning-prefix')), d.message));
    for (const help of d.help || []) item.append(h('p', { class: 'diag-help' }, help));
    for (const note of d.notes || []) item.append(h('p', { class: 'diag-note' }, note));
    if (d.file) {
      item.append(h('p', { class: 'diag-where' }, d.file + (d.line ? ':' + d.line + (d.column ? ':' + d.column : '') : '')));
    }
    if (!error && d.code && kindSchema.fields.some((f) => f.key === 'allow')) {
      item.append(h('button', { type: 'button', class: 'accept', onclick: () => acceptWarning(d) }, t('editor-accept-button'),
        h('span', { class: 'visually-hidden' }, ' (' + d.message + ')')));
    }
    return item;
  }

  function showDiagnostics() {
    if (!form) return;
    for (const slot of form.slots.values()) {
      for (const old of slot.errors.querySelectorAll('.diag:not(.client)')) old.remove();
      if (!slot.errors.querySelector('.diag.client')) for (const c of slot.controls) c.removeAttribute('aria-invalid');
    }
    for (const node of form.element.querySelectorAll('.has-diag')) node.classList.remove('has-diag');
    general.replaceChildren();
    const unplaced = [];
    for (const d of diagnostics) {
      if (d.severity !== 'error' && d.severity !== 'warning') continue;
      const slot = d.field ? slotFor(d.field) : null;
      if (!slot) { unplaced.push(d); continue; }
      slot.errors.append(diagnosticElement(d));
      if (d.severity === 'error') for (const c of slot.controls) c.setAttribute('aria-invalid', 'true');
      slot.errors.closest('.field, li, .entry')?.classList.add('has-diag');
    }
    if (unplaced.length) {
      general.append(h('h3', {}, t('editor-whole-file')), ...unplaced.map(diagnosticElement));
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').length + form.clientErrors().length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const summary = errors || warnings
      ? [errors ? drukwerkCount('serve-script-errors', errors) : '', warnings ? drukwerkCount('serve-script-warnings', warnings) : ''].filter(Boolean).join(t('editor-and')) +
        ': ' + diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => (d.field ? labelOf(d.field) + ': ' : '') + d.message).concat(form.clientErrors().map((c) => labelOf(c.path) + ': ' + c.message)).join('; ')
      : t('serve-summary-ok');
    if (diagLive.textContent !== summary) diagLive.textContent = summary;
    updateSaveState();
  }

  function errorCount() {
    return diagnostics.filter((d) => d.severity === 'error').length + (form ? form.clientErrors().length : 0);
  }

  function updateSaveState() {
    if (!saveButton) return;
    const errors = errorCount();
    const open = conflicts.filter((c) => c.choice === undefined).length;
    let reason = '';
    if (!ready) reason = t('editor-loading');
    else if (errors) reason = drukwerkCount('editor-fix-first', errors);
    else if (open) reason = drukwerkCount('editor-choose-first', open);
    else if (!isNew && !dirty()) reason = t('editor-no-changes');
    saveButton.disabled = !ready;
    saveButton.setAttribute('aria-disabled', String(Boolean(reason)));
    saveButton.classList.toggle('blocked', Boolean(reason));
    saveHint.textContent = reason;
    if (ready && !saving) setStatus(isNew ? '' : dirty() ? t('editor-unsaved') : base.savedAt ? t('editor-saved-at', { time: time(base.savedAt) }) : t('editor-no-changes'));
  }

  /** Focuses the first field with an error (after the user asked to save). */
  function focusFirstError() {
    const first = form.element.querySelector('[aria-invalid="true"]') || general.querySelector('.diag.error');
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    if (first.tabIndex < 0 && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(first.tagName)) first.tabIndex = -1;
    first.focus();
  }

  async function acceptWarning(d) {
    const reasonId = 'accept-reason';
    const area = h('textarea', { id: reasonId, rows: 3, required: true });
    const content = [
      h('p', {}, t('editor-accept-text', { message: d.message })),
      h('label', { for: reasonId }, t('editor-accept-reason')), area,
    ];
    if (!(await ask(t('editor-accept-title'), content, t('editor-accept')))) return;
    const reason = area.value.trim();
    if (!reason) return;
    const v = form.value();
    v.allow = (Array.isArray(v.allow) ? v.allow : []).concat([{ lint: d.code, reason }]);
    renderForm(v);
    changed();
    setStatus(t('editor-accepted'));
  }

  // --- preview ---------------------------------------------------------------------------

  let changeSeq = 0;
  let doneSeq = -1;
  let running = false;
  let timer = null;
  let waiters = [];

  function schedulePreview() {
    changeSeq += 1;
    clearTimeout(timer);
    timer = setTimeout(kickPreview, 250);
  }

  function kickPreview() {
    timer = null;
    if (!running) previewLoop();
  }

  /** Waits until the preview (and its diagnostics) matches what the form holds now. */
  function previewSettled() {
    clearTimeout(timer);
    timer = null;
    if (!running && doneSeq === changeSeq) return Promise.resolve();
    const p = new Promise((resolve) => waiters.push(resolve));
    if (!running) previewLoop();
    return p;
  }

  async function previewLoop() {
    running = true;
    try {
      // One request at a time; when it returns, the latest state is sent next.
      while (doneSeq !== changeSeq) {
        const seq = changeSeq;
        if (isNew) {
          diagnostics = [];
          showDiagnostics();
          doneSeq = seq;
          break;
        }
        if (seq === changeSeq) previewState.textContent = t('serve-typesetting');
        // A region's fact sheet first (quick), then its page in the publication; a newer
        // change meanwhile starts over with the fact sheet.
        const parts = kind === 'regions' ? ['factsheet', 'publication'] : [null];
        let failed = false;
        for (const only of parts) {
          if (only === 'publication' && seq !== changeSeq) break;
          const payload = { fields: value(), draft: draftId };
          if (only) payload.only = only;
          let r;
          try {
            r = await request('POST', api + '/preview', payload);
          } catch (e) {
            previewState.textContent = t('editor-preview-failed', { reason: e.message });
            failed = true;
            break;
          }
          if (r.ok && r.data) {
            diagnostics = r.data.diagnostics || [];
            showDiagnostics();
            if (r.data.pages && r.data.pages.length) showPages(r.data.pages, !!only);
            const errors = diagnostics.filter((d) => d.severity === 'error').length;
            previewState.textContent = errors && (!r.data.pages || !r.data.pages.length)
              ? t('editor-preview-errors')
              : t('editor-updated-at', { time: time(new Date()) });
            if (errors) break;
          } else {
            if (r.status !== 401) {
              previewState.textContent = t('editor-preview-failed-status', { reason: (r.data && r.data.error) || 'HTTP ' + r.status });
            }
            break;
          }
        }
        if (failed) {
          doneSeq = seq;
          break;
        }
        doneSeq = seq;
      }
    } finally {
      running = false;
      const w = waiters;
      waiters = [];
      for (const resolve of w) resolve();
    }
  }

  /** Shows the pages of the documents in `pages`; `partial`: other documents stay. */
  function showPages(pages, partial) {
    const keep = new Set();
    for (const doc of pages) {
      let section = previewPages.querySelector('section[data-doc="' + CSS.escape(doc.doc) + '"]');
      if (!section) {
        section = h('section', { class: 'preview-doc', 'data-doc': doc.doc }, h('h3', {}, doc.title), h('div', { class: 'preview-doc-pages' }));
        previewPages.append(section);
      }
      section.querySelector('h3').textContent = doc.title;
      keep.add(section);
      const holder = section.querySelector('.preview-doc-pages');
      const figures = Array.from(holder.children);
      doc.hashes.forEach((hash, i) => {
        const alt = t('editor-page-alt', { title: doc.title, page: i + 1, pages: doc.hashes.length });
        let figure = figures[i];
        if (!figure) {
          figure = h('figure', { class: 'preview-page' }, h('img', { alt, decoding: 'async', loading: i < 3 ? 'eager' : 'lazy', src: '/api/content/drafts/pages/' + hash + '.svg' }));
          figure.dataset.hash = hash;
          holder.append(figure);
          return;
        }
        const img = figure.querySelector('img');
        img.alt = alt;
        if (figure.dataset.hash !== hash) {
          // Swap once the new drawing has loaded, so the page never flashes empty.
          const next = new Image();
          next.onload = () => { img.src = next.src; figure.dataset.hash = hash; };
          next.src = '/api/content/drafts/pages/' + hash + '.svg';
        }
      });
      for (const extra of figures.slice(doc.hashes.length)) extra.remove();
    }
    if (partial) return;
    for (const section of previewPages.querySelectorAll('section.preview-doc')) if (!keep.has(section)) section.remove();
  }

  // --- drafts ----------------------------------------------------------------------------

  function saveDraft() {
    try {
      if (dirty()) {
        localStorage.setItem(draftKey, JSON.stringify({ version: base.version, time: Date.now(), fields: form.value() }));
      } else {
        localStorage.removeItem(draftKey);
      }
    } catch { /* storage full or refused: the form still works */ }
  }

  function clearDraft() {
    try { localStorage.removeItem(draftKey); } catch { /* ignore */ }
  }

  function offerDraft() {
    let draft = null;
    try { draft = JSON.parse(localStorage.getItem(draftKey) || 'null'); } catch { draft = null; }
    if (!draft || !draft.fields) return;
    const draftValue = Object.assign({}, draft.fields);
    if (isNew) delete draftValue.id;
    if (same(draftValue, baseValue) && !(isNew && draft.fields.id)) { clearDraft(); return; }
    const when = dateTime(new Date(draft.time));
    const stale = !isNew && draft.version !== base.version;
    const text = t('editor-draft-restore', { when }) + (stale ? t('editor-draft-stale') : '');
    const box = notice('draft', stale ? 'warning' : 'info', text, [
      [t('editor-draft-restore-button'), () => {
        clearNotice('draft');
        renderForm(draft.fields);
        changed();
        setStatus(t('editor-draft-restored'));
        form.element.querySelector('input, textarea, select')?.focus();
      }],
      [t('editor-draft-discard'), () => { clearNotice('draft'); clearDraft(); saveHint.focus?.(); }],
    ]);
    box.classList.toggle('stale', stale);
  }

  window.addEventListener('beforeunload', (e) => {
    if (dirty() && !saving) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  // --- save ------------------------------------------------------------------------------

  /** Old → new per changed field (lists of names as one line: added and removed). */
  function changes(before, after) {
    const out = [];
    function walk(a, b, path) {
      if (same(a, b) || (F.empty(a) && F.empty(b))) return;
      const plainList = (v) => Array.isArray(v) && v.every((x) => typeof x !== 'object');
      if ((plainList(a) || F.empty(a)) && (plainList(b) || F.empty(b))) {
        out.push({ path, before: a, after: b });
        return;
      }
      if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
        const keys = Array.isArray(a)
          ? Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i)
          : Array.from(new Set(Object.keys(a).concat(Object.keys(b))));
        for (const k of keys) walk(a[k], b[k], typeof k === 'number' ? path + '[' + k + ']' : path ? path + '.' + k : k);
        return;
      }
      out.push({ path, before: a, after: b });
    }
    walk(before || {}, after || {}, '');
    return out;
  }

  function changeTable(list) {
    const rows = list.map((c) => {
      const cell = (v, cls) => {
        if (Array.isArray(c.before) || Array.isArray(c.after)) {
          const a = Array.isArray(c.before) ? c.before : [];
          const b = Array.isArray(c.after) ? c.after : [];
          if (cls === 'old') {
            const gone = a.filter((x) => !b.includes(x));
            return h('td', { class: cls }, gone.length ? t('editor-removed', { items: gone.join(', ') }) : a.length === b.length ? show(a) : '\u2014');
          }
          const added = b.filter((x) => !a.includes(x));
          return h('td', { class: cls }, added.length ? t('editor-added', { items: added.join(', ') }) : a.length === b.length ? t('editor-reordered', { value: show(b) }) : '\u2014');
        }
        return h('td', { class: cls }, show(v));
      };
      return h('tr', { 'data-path': c.path }, h('th', { scope: 'row' }, labelOf(c.path)), cell(c.before, 'old'), cell(c.after, 'new'));
    });
    return h('table', { class: 'changes' },
      h('caption', { class: 'visually-hidden' }, t('editor-changes')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('editor-changes-field')), h('th', { scope: 'col' }, t('editor-changes-was')), h('th', { scope: 'col' }, t('editor-changes-becomes')))),
      h('tbody', {}, rows));
  }

  async function save(e) {
    e.preventDefault();
    if (!ready || saving) return;
    setStatus(t('editor-checking'));
    await previewSettled();
    if (errorCount()) {
      setStatus(t('editor-not-saved-errors-first'));
      focusFirstError();
      return;
    }
    if (conflicts.some((c) => c.choice === undefined)) {
      setStatus(drukwerkCount('editor-choose-first', 2));
      conflictsBox.querySelector('input')?.focus();
      return;
    }
    if (isNew) return create();
    const fields = value();
    const list = changes(base.fields, fields);
    if (!list.length) { setStatus(t('editor-nothing-to-save')); return; }
    const ok = await ask(t('editor-save-title'), [
      h('p', {}, base.file ? t('editor-save-changes-in', { file: base.file }) : t('editor-save-changes-in-file')), changeTable(list),
    ], t('editor-save'));
    if (!ok) { setStatus(t('editor-not-saved')); saveButton.focus(); return; }
    saving = true;
    setStatus(t('editor-saving'));
    let r;
    try {
      r = await request('PUT', api, { version: base.version, fields });
    } catch (err) {
      saving = false;
      setStatus(t('editor-save-failed', { reason: err.message }));
      return;
    }
    saving = false;
    if (r.status === 200 && r.data) {
      base = Object.assign({}, base, { version: r.data.version, fields, savedAt: new Date() });
      baseValue = value();
      conflicts = [];
      conflictsBox.replaceChildren();
      clearNotice('changed-on-disk');
      clearDraft();
      updateSaveState();
      setStatus(t('editor-saved-at', { time: time(base.savedAt) }));
      loadHistory();
    } else if (r.status === 422 && r.data) {
      diagnostics = r.data.diagnostics || [];
      showDiagnostics();
      setStatus(t('editor-not-saved-errors'));
      focusFirstError();
    } else if (r.status === 409 && r.data) {
      conflict(r.data, fields);
    } else if (r.status !== 401) {
      setStatus(t('editor-save-failed-status', { reason: (r.data && r.data.error) || 'HTTP ' + r.status }));
    }
  }

  /** The file changed on disk meanwhile: the merge in the form, conflicts to choose. */
  function conflict(data, mine) {
    base = Object.assign({}, base, { version: data.version, fields: data.fields || {} });
    renderForm(data.merged || mine);
    baseValue = F.build(fieldList(), base.fields, { schema }).value();
    conflicts = (data.conflicts || []).map((c) => Object.assign({}, c));
    renderConflicts();
    saveDraft();
    schedulePreview();
    updateSaveState();
    const text = conflicts.length
      ? drukwerkCount('editor-merged-conflicts', conflicts.length)
      : t('editor-merged');
    notice('changed-on-disk', 'warning', text);
    setStatus(t('editor-not-saved-changed'));
    (conflictsBox.querySelector('input') || notices.querySelector('[data-key="changed-on-disk"] p'))?.focus?.();
  }

  function renderConflicts() {
    conflictsBox.replaceChildren();
    if (!conflicts.length) return;
    const section = h('section', { class: 'conflicts', 'aria-labelledby': 'conflicts-title' }, h('h3', { id: 'conflicts-title' }, t('editor-conflicts')));
    conflicts.forEach((c, i) => {
      const name = 'conflict-' + i;
      const option = (which, label, v) => {
        const oid = name + '-' + which;
        return h('div', { class: 'conflict-option' },
          h('input', { type: 'radio', name, id: oid, value: which, checked: c.choice === which, onchange: () => choose(i, which) }),
          h('label', { for: oid }, h('strong', {}, label), h('span', { class: 'conflict-value' }, show(v))));
      };
      section.append(h('fieldset', { class: 'conflict', 'data-path': c.field },
        h('legend', {}, labelOf(c.field)),
        h('div', { class: 'conflict-options' }, option('mine', t('editor-conflict-mine'), c.mine), option('theirs', t('editor-conflict-theirs'), c.theirs))));
    });
    conflictsBox.append(section);
  }

  function choose(index, which) {
    const c = conflicts[index];
    c.choice = which;
    const v = form.value();
    F.setPath(v, c.field, structuredClone(which === 'mine' ? c.mine : c.theirs));
    renderForm(v);
    changed();
    conflictsBox.querySelector('input[name="conflict-' + index + '"][value="' + which + '"]')?.focus();
  }

  // --- new -------------------------------------------------------------------------------

  function checkNewId() {
    const typed = (form.value().id || '').trim();
    const slot = form.slots.get('id');
    if (!slot) return;
    const message = typed && !ID_PATTERN.test(typed)
      ? t('editor-id-rule')
      : null;
    let p = slot.errors.querySelector('.diag.client');
    if (message) {
      if (!p) { p = h('p', { class: 'diag error client id-check' }); slot.errors.prepend(p); }
      p.textContent = t('editor-error-prefix') + message;
      slot.focus.setAttribute('aria-invalid', 'true');
    } else if (p) {
      p.remove();
      slot.focus.removeAttribute('aria-invalid');
    }
    idInvalid = Boolean(message);
  }
  let idInvalid = false;

  async function create() {
    const newId = (form.value().id || '').trim();
    checkNewId();
    if (!newId || idInvalid) {
      setStatus(t('editor-fill-in-id'));
      form.slots.get('id').focus.focus();
      return;
    }
    saving = true;
    setStatus(t('editor-creating'));
    const generation = lastGeneration;
    const r = await request('POST', '/api/content/' + kind, { id: newId, fields: value() }).catch((err) => ({ status: 0, data: { error: err.message } }));
    saving = false;
    if (r.status === 201) {
      clearDraft();
      setStatus(t('editor-created', { file: (r.data && r.data.file) || newId }));
      saving = true; // no "unsaved changes" warning when leaving
      await newGeneration(generation, 5000);
      location.assign('/edit/' + kind + '/' + newId);
    } else if (r.status === 409) {
      diagnostics = [{ severity: 'error', message: (r.data && r.data.error) || t('editor-id-taken', { id: newId }), field: 'id', help: [], notes: [] }];
      showDiagnostics();
      setStatus(t('editor-not-created-taken'));
      focusFirstError();
    } else if (r.status === 422 && r.data) {
      diagnostics = r.data.diagnostics || [];
      showDiagnostics();
      setStatus(t('editor-not-created-errors'));
      focusFirstError();
    } else if (r.status !== 401) {
      setStatus(t('editor-create-failed', { reason: (r.data && r.data.error) || 'HTTP ' + r.status }));
    }
  }

  // The server checks the content again after every write; a new file is on the index (and
  // its page found) from the next check on.
  let lastGeneration = 0;
  let generationWaiters = [];
  function newGeneration(after, timeout) {
    return new Promise((resolve) => {
      const done = () => resolve();
      generationWaiters.push({ after, done });
      setTimeout(done, timeout);
    });
  }

  // --- delete ----------------------------------------------------------------------------

  async function remove() {
    const refs = base.referenced_by || [];
    const kindName = (k) => (schema.kinds[k] ? schema.kinds[k].label.toLowerCase() : k);
    const content = [h('p', {}, t('editor-delete-text', { file: base.file || '' }))];
    if (refs.length) {
      content.push(h('p', {}, t('editor-delete-used-by')),
        h('ul', {}, refs.map((r) => h('li', {}, kindName(r.kind) + ' ' + r.id + ' (' + r.file + ')'))),
        h('p', {}, t('editor-delete-fix-first')));
    }
    if (!(await ask(t('editor-delete-title'), content, t('editor-delete'), true))) { el('delete').focus(); return; }
    saving = true;
    const r = await request('DELETE', api, { version: base.version }).catch((err) => ({ status: 0, data: { error: err.message } }));
    if (r.status === 200) {
      clearDraft();
      setStatus(t('editor-deleted'));
      location.assign('/');
      return;
    }
    saving = false;
    if (r.status === 409) {
      notice('delete', 'error', t('editor-not-deleted-changed'));
    } else if (r.status === 422 && r.data) {
      diagnostics = r.data.diagnostics || [];
      showDiagnostics();
      notice('delete', 'error', t('editor-not-deleted-referenced'));
    } else if (r.status !== 401) {
      notice('delete', 'error', t('editor-delete-failed', { reason: (r.data && r.data.error) || 'HTTP ' + r.status }));
    }
  }

  // --- history ---------------------------------------------------------------------------

  async function loadHistory() {
    const box = el('history-list');
    if (!box || isNew) return;
    const r = await request('GET', api + '/history').catch(() => null);
    if (!r || !r.ok || !r.data) {
      box.replaceChildren(h('p', { class: 'muted' }, t('editor-history-failed')));
      return;
    }
    const entries = (r.data.entries || []).slice(0, 15);
    if (!entries.length) {
      box.replaceChildren(h('p', { class: 'muted' }, t('editor-history-none')));
      return;
    }
    box.replaceChildren(h('ol', { class: 'history' }, entries.map((entry) => {
      const when = new Date(entry.date);
      const label = isNaN(when) ? entry.date : dateTime(when);
      return h('li', {},
        h('p', {}, h('time', { datetime: entry.date }, label), ' \u2014 ', entry.author, ': ', h('span', { class: 'message' }, entry.message)),
        h('button', { type: 'button', onclick: () => restore(entry, label) }, t('editor-history-restore'), h('span', { class: 'visually-hidden' }, ' (' + label + ')')));
    })));
  }

  async function restore(entry, label) {
    const r = await request('GET', api + '/history/' + encodeURIComponent(entry.commit)).catch(() => null);
    if (!r || !r.ok || !r.data || !r.data.fields) {
      setStatus(t('editor-version-failed'));
      return;
    }
    renderForm(r.data.fields);
    changed();
    setStatus(t('editor-version-in-form', { when: label }));
    form.element.querySelector('input, textarea, select')?.focus();
  }

  // --- start -----------------------------------------------------------------------------

  async function start() {
    const s = await request('GET', '/api/content/schema').catch(() => null);
    if (!s || !s.ok || !s.data || !s.data.kinds || !s.data.kinds[kind]) {
      if (!s || s.status !== 401) setStatus(t('editor-form-failed', { reason: s ? 'HTTP ' + s.status : '\u2014' }));
      else setStatus(t('editor-no-access'));
      return;
    }
    schema = s.data;
    schema.choices = schema.choices || {};
    schema.choices.images = schema.choices.images || [];
    kindSchema = schema.kinds[kind];
    if (!isNew) {
      const r = await request('GET', api).catch(() => null);
      if (!r || !r.ok || !r.data) {
        setStatus(r && r.status === 404 ? t('editor-file-gone') : t('editor-file-failed', { reason: r ? 'HTTP ' + r.status : '\u2014' }));
        return;
      }
      base = r.data;
      el('file-name').textContent = t('editor-file', { file: base.file || '' });
    }
    renderForm(base.fields || {});
    baseValue = value();
    ready = true;
    offerDraft();
    updateSaveState();
    body.dataset.ready = 'true';
    schedulePreview();
    kickPreview();
    loadHistory();
  }

  /** A check after a change on disk: a form without changes follows the file. */
  async function followDisk() {
    if (!ready || isNew || saving) return;
    const r = await request('GET', api).catch(() => null);
    if (!r || !r.ok || !r.data || r.data.version === base.version) return;
    if (!dirty()) {
      base = r.data;
      renderForm(base.fields || {});
      baseValue = value();
      updateSaveState();
      schedulePreview();
      setStatus(t('editor-reloaded'));
    } else {
      notice('changed-on-disk', 'warning', t('editor-changed-on-disk'));
    }
  }

  el('form').addEventListener('submit', save);
  if (el('delete')) el('delete').addEventListener('click', remove);
  if (typeof drukwerkLive === 'function') {
    drukwerkLive(null, {
      status(s) {
        const first = lastGeneration === 0;
        lastGeneration = s.generation;
        generationWaiters = generationWaiters.filter((w) => {
          if (s.generation > w.after) { w.done(); return false; }
          return true;
        });
        if (!first) followDisk();
      },
    });
  }
  start();
})();
