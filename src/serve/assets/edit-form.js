// The editor's form, generated from the content schema (GET /api/content/schema): one widget
// per field kind, values in and out as the API's JSON `fields`, and a slot per field path
// where diagnostics are shown (`figures.students`, `municipalities[3]`, `allow[0].reason`).
// No framework: DOM APIs only, no inline styles (the page's CSP allows none).
'use strict';
// eslint-disable-next-line no-unused-vars
const drukwerkForm = (function () {
  const SVG = 'http://www.w3.org/2000/svg';
  let uid = 0;

  /** An element: `h('p', { class: 'x' }, 'text', child)`. Attributes are set, never HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') el.className = value;
      else if (name === 'text') el.textContent = value;
      else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
      else if (value === true) el.setAttribute(name, '');
      else el.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  function nextId(path) {
    uid += 1;
    return 'f' + uid + '-' + String(path).replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 40);
  }

  // --- numbers ---------------------------------------------------------------------------

  /** `144052` → `144.052`; four digits stay together (`2026`), as Dutch style has it. */
  function formatInteger(n) {
    const plain = String(Math.abs(n));
    const digits = plain.length <= 4 ? plain : plain.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (n < 0 ? '-' : '') + digits;
  }

  /** `144.052`, `144052`, `144 052` → 144052; `null` for empty; `NaN` for anything else. */
  function parseInteger(text) {
    const t = String(text).trim();
    if (t === '') return null;
    if (!/^-?(\d+|\d{1,3}([. \u00a0\u202f]\d{3})+)$/.test(t)) return NaN;
    const n = Number(t.replace(/[. \u00a0\u202f]/g, ''));
    return Number.isSafeInteger(n) ? n : NaN;
  }

  // --- names -----------------------------------------------------------------------------

  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

  function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length];
  }

  /** The closest name to `typed` when it is a near miss (not an exact name); else null. */
  function closest(typed, names) {
    const t = fold(typed);
    if (!t || names.includes(typed)) return null;
    let best = null;
    let bestDistance = Infinity;
    for (const name of names) {
      const d = editDistance(t, fold(name));
      if (d < bestDistance) { best = name; bestDistance = d; }
    }
    const limit = Math.max(1, Math.min(3, Math.floor(t.length / 3)));
    return bestDistance <= limit ? best : null;
  }

  // --- paths -----------------------------------------------------------------------------

  /** `abc.pillars[1].text` → ['abc', 'pillars', 1, 'text']. */
  function parsePath(path) {
    const parts = [];
    for (const m of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
      parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    }
    return parts;
  }

  /** The path one level up: `a.b[1].c` → `a.b[1]` → `a.b` → `a` → ''. */
  function parentPath(path) {
    const m = String(path).match(/^(.*)(\.[^.[\]]+|\[\d+\])$/);
    return m ? m[1] : '';
  }

  function getPath(value, path) {
    let v = value;
    for (const part of parsePath(path)) {
      if (v === null || v === undefined) return undefined;
      v = v[part];
    }
    return v;
  }

  function setPath(value, path, next) {
    const parts = parsePath(path);
    let v = value;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        if (next === undefined || next === null) {
          if (Array.isArray(v)) v.splice(part, 1);
          else delete v[part];
        } else {
          v[part] = next;
        }
      } else {
        if (v[part] === null || v[part] === undefined || typeof v[part] !== 'object') {
          v[part] = typeof parts[i + 1] === 'number' ? [] : {};
        }
        v = v[part];
      }
    });
    return value;
  }

  /** JSON with sorted keys, so two values compare by content. */
  function canonical(value) {
    return JSON.stringify(value, (_, v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
        : v);
  }

  /** Absent, null and '' are the same "no value". */
  const empty = (v) => v === undefined || v === null || v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

  // --- the form --------------------------------------------------------------------------

  /**
   * Builds the form for `fields` (the schema's FIELD list) with `values`.
   * options: { schema, onChange(), upload(file) → Promise<path>, extraFields: [FIELD] }
   * Returns { element, value(), slots: Map(path → { errors, focus, controls }), clientErrors() }.
   */
  function build(fieldList, values, options) {
    const schema = options.schema;
    const choices = schema.choices || {};
    const slots = new Map();
    const clientErrors = new Map(); // path → message
    const datalists = new Map();
    const ctx = {
      changed: () => options.onChange && options.onChange(),
      register(path, errors, focus, controls) {
        slots.set(path, { errors, focus, controls: controls || (focus ? [focus] : []) });
      },
      /** Forgets the slots and client errors of paths starting with `prefix` (`allow[`). */
      unregisterUnder(prefix) {
        for (const key of Array.from(slots.keys())) if (key.startsWith(prefix)) slots.delete(key);
        for (const key of Array.from(clientErrors.keys())) if (key.startsWith(prefix)) clientErrors.delete(key);
      },
      clientError(path, message) {
        if (message) clientErrors.set(path, message); else clientErrors.delete(path);
        const slot = slots.get(path);
        if (slot) showClientError(slot, message);
      },
      datalist(name, items) {
        if (!datalists.has(name)) {
          const list = h('datalist', { id: 'dl-' + name });
          for (const item of items) list.append(h('option', { value: item }));
          datalists.set(name, list);
        }
        return 'dl-' + name;
      },
      choices,
      schema,
      upload: options.upload,
    };
    const root = h('div', { class: 'form-fields' });
    const built = buildFields(fieldList, values || {}, '', ctx);
    root.append(...built.map((b) => b.el), ...datalists.values());
    // Fields of the file the schema does not describe are kept as they are.
    const known = new Set(fieldList.map((f) => f.key));
    const unknown = Object.entries(values || {}).filter(([k]) => !known.has(k) && !(options.dropUnknown || []).includes(k));
    return {
      element: root,
      slots,
      value() {
        const out = {};
        for (const [k, v] of unknown) out[k] = v;
        for (const b of built) {
          const v = b.get();
          if (v !== undefined) out[b.key] = v;
        }
        return out;
      },
      clientErrors: () => Array.from(clientErrors, ([path, message]) => ({ path, message })),
    };
  }

  function showClientError(slot, message) {
    let item = slot.errors.querySelector('.diag.client');
    if (!message) {
      if (item) item.remove();
      if (!slot.errors.querySelector('.diag.error')) for (const c of slot.controls) c.removeAttribute('aria-invalid');
      return;
    }
    if (!item) {
      item = h('p', { class: 'diag error client' });
      slot.errors.prepend(item);
    }
    item.textContent = drukwerkText('editor-error-prefix') + message;
    for (const c of slot.controls) c.setAttribute('aria-invalid', 'true');
  }

  function buildFields(fieldList, values, prefix, ctx) {
    return fieldList.map((field) => {
      const path = prefix ? prefix + '.' + field.key : field.key;
      const widget = WIDGETS[field.widget] || WIDGETS.text;
      const b = widget(field, values[field.key], path, ctx);
      return { key: field.key, el: b.el, get: b.get };
    });
  }

  /** Label, help and error slot around one control; aria-describedby ties them together. */
  function single(field, path, control, ctx, extras) {
    const id = nextId(path);
    control.id = id;
    const help = field.help ? h('p', { class: 'help', id: id + '-help' }, field.help) : null;
    const errors = h('div', { class: 'field-errors', id: id + '-errors' });
    control.setAttribute('aria-describedby', [help && help.id, (extras && extras.noteId), errors.id].filter(Boolean).join(' '));
    if (field.required) control.setAttribute('aria-required', 'true');
    const el = h('div', { class: 'field field-' + field.widget, 'data-path': path },
      h('label', { for: id }, field.label, field.required ? h('span', { class: 'req' }, ' (verplicht)') : null),
      help, extras && extras.before, control, extras && extras.after, errors);
    ctx.register(path, errors, control);
    return el;
  }

  /** A fieldset for a group of controls, with its own error slot. */
  function group(field, path, ctx, className) {
    const id = nextId(path);
    const legend = h('legend', { id: id + '-legend' }, field.label, field.required ? h('span', { class: 'req' }, ' (verplicht)') : null);
    const help = field.help ? h('p', { class: 'help', id: id + '-help' }, field.help) : null;
    const errors = h('div', { class: 'field-errors', id: id + '-errors' });
    const el = h('fieldset', { class: 'field ' + (className || ''), 'data-path': path, 'aria-describedby': [help && help.id, errors.id].filter(Boolean).join(' ') }, legend, help);
    return { el, errors, id, finish(focus, controls) { el.append(errors); ctx.register(path, errors, focus, controls); } };
  }

  const asString = (v) => (v === undefined || v === null ? '' : String(v));
  const optional = (field, v) => (v === '' && !field.required ? undefined : v);

  const WIDGETS = {
    text(field, value, path, ctx) {
      const input = h('input', { type: 'text', value: asString(value), autocomplete: 'off', oninput: ctx.changed });
      return { el: single(field, path, input, ctx), get: () => optional(field, input.value.trim() === '' ? '' : input.value) };
    },

    textarea(field, value, path, ctx) {
      const area = h('textarea', { rows: 3, oninput: ctx.changed });
      area.value = asString(value);
      return { el: single(field, path, area, ctx), get: () => optional(field, area.value.trim() === '' ? '' : area.value) };
    },

    markdown(field, value, path, ctx) {
      const area = h('textarea', { rows: 10, class: 'markdown', oninput: ctx.changed });
      area.value = asString(value);
      const noteId = nextId(path + '-md');
      const note = h('p', { class: 'md-note', id: noteId },
        drukwerkText('editor-markdown-help'));
      const edit = (fn) => () => {
        const start = area.selectionStart;
        const end = area.selectionEnd;
        const [text, selStart, selEnd] = fn(area.value.slice(start, end));
        area.setRangeText(text, start, end, 'end');
        area.focus();
        area.setSelectionRange(start + selStart, start + selEnd);
        ctx.changed();
      };
      const wrap = (before, after, placeholder) => edit((sel) => {
        const inner = sel || placeholder;
        return [before + inner + after, before.length, before.length + inner.length];
      });
      const toolbar = h('div', { class: 'md-toolbar', role: 'toolbar', 'aria-label': drukwerkText('editor-markdown-toolbar', { field: field.label }) },
        h('button', { type: 'button', onclick: wrap('**', '**', drukwerkText('editor-markdown-bold-sample')) }, h('b', {}, drukwerkText('editor-markdown-bold'))),
        h('button', { type: 'button', onclick: wrap('*', '*', drukwerkText('editor-markdown-italic-sample')) }, h('i', {}, drukwerkText('editor-markdown-italic'))),
        h('button', { type: 'button', onclick: edit((sel) => {
          const text = sel || drukwerkText('editor-markdown-link-sample');
          const before = '[' + text + '](';
          return [before + 'https://)', before.length, before.length + 8];
        }) }, drukwerkText('editor-markdown-link')),
        h('button', { type: 'button', onclick: edit((sel) => {
          const lines = (sel || drukwerkText('editor-markdown-list-sample')).split('\n').map((l) => (l.startsWith('- ') ? l : '- ' + l));
          const text = lines.join('\n');
          return [text, 0, text.length];
        }) }, drukwerkText('editor-markdown-list')));
      return { el: single(field, path, area, ctx, { before: toolbar, after: note, noteId }), get: () => optional(field, area.value.trim() === '' ? '' : area.value) };
    },

    integer(field, value, path, ctx) {
      const input = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'number', value: typeof value === 'number' ? formatInteger(value) : asString(value) });
      let last = typeof value === 'number' ? value : undefined;
      const check = () => {
        const n = parseInteger(input.value);
        if (Number.isNaN(n)) {
          ctx.clientError(path, drukwerkText('editor-whole-number', { example: formatInteger(144052) }));
        } else {
          ctx.clientError(path, null);
          last = n === null ? undefined : n;
        }
      };
      input.addEventListener('input', () => { check(); ctx.changed(); });
      input.addEventListener('blur', () => {
        const n = parseInteger(input.value);
        if (typeof n === 'number' && !Number.isNaN(n)) input.value = formatInteger(n);
      });
      const el = single(field, path, input, ctx);
      return { el, get: () => last };
    },

    date(field, value, path, ctx) {
      const input = h('input', { type: 'date', value: asString(value), oninput: ctx.changed });
      return { el: single(field, path, input, ctx), get: () => optional(field, input.value) };
    },

    select(field, value, path, ctx) {
      const items = (ctx.choices[field.choices] || []).map((c) => (typeof c === 'string' ? { id: c, label: c } : c));
      const select = h('select', { onchange: ctx.changed },
        field.required && value ? null : h('option', { value: '' }, field.required ? '— kies —' : '— geen —'),
        items.map((c) => h('option', { value: c.id, selected: c.id === value }, c.label + (c.label !== c.id ? ' (' + c.id + ')' : ''))));
      if (value && !items.some((c) => c.id === value)) select.append(h('option', { value, selected: true }, value + ' (onbekend)'));
      return { el: single(field, path, select, ctx), get: () => optional(field, select.value) };
    },

    sectors(field, value, path, ctx) {
      return checkboxes(field, value, path, ctx, (ctx.choices.sectors || []).map((s) => ({ id: s.id, label: s.label })));
    },

    provinces(field, value, path, ctx) {
      return checkboxes(field, value, path, ctx, (ctx.choices.provinces || []).map((p) => ({ id: p, label: p })));
    },

    list(field, value, path, ctx) {
      return listEditor(field, value, path, ctx, { itemLabel: field.label });
    },

    municipalities(field, value, path, ctx) {
      const names = ctx.choices.municipalities || [];
      const map = regionMap(field);
      const editor = listEditor(field, value, path, ctx, {
        itemLabel: drukwerkText('editor-municipality'),
        datalist: ctx.datalist('municipalities', names),
        suggest: (typed) => closest(typed, names),
        onItems: (items) => map.update(items),
        after: map.element,
      });
      map.update(editor.get() || []);
      return editor;
    },

    figures(field, value, path, ctx) {
      const g = group(field, path, ctx, 'figures');
      const figures = ctx.choices.key_figures || [];
      const values = value && typeof value === 'object' ? value : {};
      const keys = figures.map((f) => f.id).concat(Object.keys(values).filter((k) => !figures.some((f) => f.id === k)));
      const parts = keys.map((key) => {
        const figure = figures.find((f) => f.id === key) || { id: key, label: key };
        const sub = WIDGETS.integer({ key, label: figure.label, help: figure.description, widget: 'integer' }, values[key], path + '.' + key, ctx);
        return { key, sub };
      });
      const grid = h('div', { class: 'figures-grid' }, parts.map((p) => p.sub.el));
      g.el.append(grid);
      g.finish(g.el.querySelector('input'), Array.from(g.el.querySelectorAll('input')));
      return {
        el: g.el,
        get() {
          const out = {};
          for (const p of parts) {
            const v = p.sub.get();
            if (v !== undefined) out[p.key] = v;
          }
          return Object.keys(out).length || field.required ? out : undefined;
        },
      };
    },

    table(field, value, path, ctx) {
      const g = group(field, path, ctx, 'table');
      const built = buildFields(field.fields || [], value && typeof value === 'object' ? value : {}, path, ctx);
      g.el.append(...built.map((b) => b.el));
      g.finish(g.el.querySelector('input, textarea, select'));
      return {
        el: g.el,
        get() {
          const out = {};
          for (const b of built) {
            const v = b.get();
            if (v !== undefined) out[b.key] = v;
          }
          return Object.keys(out).length || field.required ? out : undefined;
        },
      };
    },

    tables(field, value, path, ctx) {
      const g = group(field, path, ctx, 'tables');
      const list = h('ol', { class: 'entries' });
      let entries = [];
      const addButton = h('button', { type: 'button', class: 'add' }, drukwerkText('editor-add-entry', { field: field.label }));
      function render(items, focus) {
        ctx.unregisterUnder(path + '[');
        list.replaceChildren();
        entries = items.map((item, i) => {
          const p = path + '[' + i + ']';
          const fs = h('fieldset', { class: 'entry', 'data-path': p });
          const legend = h('legend', {}, field.label + ' ' + (i + 1));
          const built = buildFields(field.fields || [], item || {}, p, ctx);
          const errors = h('div', { class: 'field-errors', id: nextId(p) + '-errors' });
          const move = (delta, label, what) => h('button', { type: 'button', disabled: i + delta < 0 || i + delta >= items.length, 'data-action': what,
            onclick: () => {
              const current = values();
              const [moved] = current.splice(i, 1);
              current.splice(i + delta, 0, moved);
              render(current, { index: i + delta, action: what });
              ctx.changed();
            } }, label, h('span', { class: 'visually-hidden' }, ': ' + field.label + ' ' + (i + 1)));
          const actions = h('div', { class: 'entry-actions' },
            move(-1, drukwerkText('editor-move-up'), 'up'), move(1, drukwerkText('editor-move-down'), 'down'),
            h('button', { type: 'button', 'data-action': 'remove', onclick: () => {
              const current = values();
              current.splice(i, 1);
              render(current, { index: Math.min(i, current.length - 1), action: 'remove' });
              ctx.changed();
            } }, drukwerkText('editor-remove'), h('span', { class: 'visually-hidden' }, ': ' + field.label + ' ' + (i + 1))));
          fs.append(legend, ...built.map((b) => b.el), actions, errors);
          ctx.register(p, errors, fs.querySelector('input, textarea, select'));
          list.append(h('li', {}, fs));
          return built;
        });
        if (focus) {
          const li = list.children[focus.index];
          const target = li && (li.querySelector('[data-action="' + focus.action + '"]:not([disabled])') || li.querySelector('input, textarea, select'));
          (target || addButton).focus();
        }
      }
      function values() {
        return entries.map((built) => {
          const out = {};
          for (const b of built) {
            const v = b.get();
            if (v !== undefined) out[b.key] = v;
          }
          return out;
        });
      }
      addButton.addEventListener('click', () => {
        const current = values();
        current.push({});
        render(current, null);
        const last = list.lastElementChild;
        if (last) last.querySelector('input, textarea, select')?.focus();
        ctx.changed();
      });
      render(Array.isArray(value) ? value : [], null);
      g.el.append(list, addButton);
      g.finish(addButton);
      // Other code (accepting a warning) appends an entry through the form's values.
      return { el: g.el, get: () => { const v = values(); return v.length || field.required ? v : undefined; } };
    },

    image(field, value, path, ctx) {
      const g = group(field, path, ctx, 'image');
      const v = value && typeof value === 'object' ? value : {};
      const images = (ctx.choices.images || []).slice();
      const select = h('select', {},
        h('option', { value: '' }, drukwerkText('editor-no-image')),
        images.map((p) => h('option', { value: p, selected: p === v.path }, p)));
      if (v.path && !images.includes(v.path)) select.append(h('option', { value: v.path, selected: true }, v.path));
      const sub = (key, fallback) => Object.assign({ key, widget: 'text' }, fallback, (field.fields || []).find((f) => f.key === key) || {}, { required: false });
      const pick = WIDGET_FIELD(ctx, path + '.path', drukwerkText('editor-image-choose'), select);
      const file = h('input', { type: 'file', accept: 'image/png,image/jpeg' });
      const uploadState = h('p', { class: 'muted', 'aria-live': 'polite' });
      const upload = WIDGET_FIELD(ctx, path + '.upload', drukwerkText('editor-image-upload'), file, uploadState);
      const alt = h('input', { type: 'text', value: asString(v.alt) });
      const altField = single(sub('alt', { label: drukwerkText('editor-image-alt'), help: drukwerkText('editor-image-alt-help') }), path + '.alt', alt, ctx);
      const credit = h('input', { type: 'text', value: asString(v.credit) });
      const creditField = single(sub('credit', { label: drukwerkText('editor-image-credit') }), path + '.credit', credit, ctx);
      const check = () => {
        ctx.clientError(path + '.alt', select.value && !alt.value.trim() ? drukwerkText('editor-image-alt-required') : null);
      };
      for (const c of [select, alt, credit]) c.addEventListener('input', () => { check(); ctx.changed(); });
      file.addEventListener('change', async () => {
        const chosen = file.files && file.files[0];
        if (!chosen || !ctx.upload) return;
        uploadState.textContent = drukwerkText('editor-uploading');
        try {
          const uploaded = await ctx.upload(chosen);
          if (!Array.from(select.options).some((o) => o.value === uploaded)) select.append(h('option', { value: uploaded }, uploaded));
          select.value = uploaded;
          uploadState.textContent = drukwerkText('editor-uploaded', { file: uploaded });
          check();
          ctx.changed();
        } catch (e) {
          uploadState.textContent = drukwerkText('editor-upload-failed', { reason: e.message });
        }
      });
      g.el.append(pick, upload, altField, creditField);
      g.finish(select);
      return {
        el: g.el,
        get() {
          if (!select.value) return undefined;
          const out = { path: select.value, alt: alt.value };
          if (credit.value.trim()) out.credit = credit.value;
          return out;
        },
      };
    },
  };

  /** A labelled control inside a group (no field of the schema of its own). */
  function WIDGET_FIELD(ctx, path, label, control, after) {
    const id = nextId(path);
    control.id = id;
    const errors = h('div', { class: 'field-errors', id: id + '-errors' });
    control.setAttribute('aria-describedby', errors.id);
    ctx.register(path, errors, control);
    return h('div', { class: 'field' }, h('label', { for: id }, label), control, after, errors);
  }

  function checkboxes(field, value, path, ctx, items) {
    const g = group(field, path, ctx, 'checks');
    const chosen = Array.isArray(value) ? value : [];
    const all = items.concat(chosen.filter((c) => !items.some((i) => i.id === c)).map((c) => ({ id: c, label: c + ' (onbekend)' })));
    const boxes = all.map((item) => {
      const id = nextId(path + '-' + item.id);
      const box = h('input', { type: 'checkbox', id, value: item.id, checked: chosen.includes(item.id), onchange: ctx.changed });
      return { box, el: h('div', { class: 'check' }, box, h('label', { for: id }, item.label)) };
    });
    g.el.append(h('div', { class: 'check-list' }, boxes.map((b) => b.el)));
    g.finish(boxes[0] && boxes[0].box, boxes.map((b) => b.box));
    return {
      el: g.el,
      get() {
        const v = boxes.filter((b) => b.box.checked).map((b) => b.box.value);
        return v.length || field.required ? v : undefined;
      },
    };
  }

  /** A list of strings: one text box per item, remove buttons, an "add" box (Enter adds). */
  function listEditor(field, value, path, ctx, opts) {
    const g = group(field, path, ctx, 'list');
    const list = h('ol', { class: 'items' });
    let inputs = [];
    const addId = nextId(path + '-add');
    const addInput = h('input', { type: 'text', id: addId, autocomplete: 'off', list: opts.datalist || null, 'aria-describedby': g.errors.id });
    const addButton = h('button', { type: 'button' }, drukwerkText('editor-add'));
    function current() { return inputs.map((i) => i.value.trim()).filter(Boolean); }
    function notify() {
      if (opts.onItems) opts.onItems(current());
      ctx.changed();
    }
    function suggestFor(input, box) {
      box.replaceChildren();
      const best = opts.suggest && opts.suggest(input.value.trim());
      if (best) {
        box.append(h('button', { type: 'button', class: 'suggestion', onclick: () => {
          input.value = best;
          suggestFor(input, box);
          notify();
          input.focus();
        } }, drukwerkText('editor-did-you-mean', { name: best })));
      }
    }
    function render(items, focusIndex) {
      ctx.unregisterUnder(path + '[');
      list.replaceChildren();
      inputs = items.map((item, i) => {
        const p = path + '[' + i + ']';
        const id = nextId(p);
        const input = h('input', { type: 'text', id, value: item, autocomplete: 'off', list: opts.datalist || null });
        const errors = h('div', { class: 'field-errors', id: id + '-errors' });
        const suggest = h('div', { class: 'suggest', id: id + '-suggest' });
        input.setAttribute('aria-describedby', suggest.id + ' ' + errors.id);
        input.addEventListener('input', () => { suggestFor(input, suggest); notify(); });
        const remove = h('button', { type: 'button', class: 'remove', onclick: () => {
          const items2 = inputs.map((x) => x.value);
          items2.splice(i, 1);
          render(items2, Math.min(i, items2.length - 1));
          notify();
        } }, drukwerkText('editor-remove'), h('span', { class: 'visually-hidden' }, ': ' + opts.itemLabel.toLowerCase() + ' ' + (i + 1)));
        list.append(h('li', { 'data-path': p },
          h('label', { for: id, class: 'visually-hidden' }, opts.itemLabel + ' ' + (i + 1) + ' van ' + items.length),
          input, remove, suggest, errors));
        ctx.register(p, errors, input);
        suggestFor(input, suggest);
        return input;
      });
      if (focusIndex !== undefined && focusIndex !== null) (inputs[focusIndex] || addInput).focus();
    }
    function add() {
      const typed = addInput.value.trim();
      if (!typed) return;
      render(inputs.map((x) => x.value).concat([typed]), null);
      addInput.value = '';
      addInput.focus();
      notify();
    }
    addButton.addEventListener('click', add);
    addInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); add(); }
    });
    render(Array.isArray(value) ? value.map(String) : [], null);
    g.el.append(list,
      h('div', { class: 'add-row' }, h('label', { for: addId }, opts.itemLabel + ' toevoegen'), addInput, addButton),
      opts.after || null);
    g.finish(addInput, [addInput]);
    return {
      el: g.el,
      get() {
        const v = current();
        return v.length || field.required ? v : undefined;
      },
    };
  }

  // --- the region's map ------------------------------------------------------------------

  let geo = null;
  function loadGeo() {
    if (!geo) geo = fetch('/api/content/geo').then((r) => (r.ok ? r.json() : null)).catch(() => null);
    return geo;
  }

  /** A small map of the listed municipalities (filled) among the others (light). */
  function regionMap(field) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'region-map');
    svg.setAttribute('role', 'img');
    const title = document.createElementNS(SVG, 'title');
    svg.append(title);
    const element = h('figure', { class: 'region-map-box' }, svg, h('figcaption', { class: 'muted' }, drukwerkText('editor-map-caption', { field: field.label.toLowerCase() })));
    const paths = new Map();
    let wanted = [];
    let full = null;
    loadGeo().then((data) => {
      if (!data || !data.municipalities) { element.hidden = true; return; }
      full = data.viewBox;
      svg.setAttribute('viewBox', full);
      for (const [name, d] of Object.entries(data.municipalities)) {
        const p = document.createElementNS(SVG, 'path');
        p.setAttribute('d', d);
        p.setAttribute('class', 'm');
        p.dataset.name = name;
        paths.set(name, p);
        svg.append(p);
      }
      update(wanted);
    });
    let tries = 0;
    function update(items) {
      wanted = items;
      if (!svg.isConnected) {
        // Sizes are known once the form is on the page.
        if (tries++ < 20) requestAnimationFrame(() => update(wanted));
        return;
      }
      const set = new Set(items);
      const known = items.filter((n) => paths.has(n)).length;
      title.textContent = drukwerkText('editor-map-title', { known, count: items.length });
      svg.setAttribute('aria-label', title.textContent);
      if (!paths.size) return;
      let box = null;
      for (const [name, p] of paths) {
        const inside = set.has(name);
        p.classList.toggle('in', inside);
        if (inside) {
          try {
            const b = p.getBBox();
            box = box ? {
              x1: Math.min(box.x1, b.x), y1: Math.min(box.y1, b.y),
              x2: Math.max(box.x2, b.x + b.width), y2: Math.max(box.y2, b.y + b.height),
            } : { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height };
          } catch { /* not laid out yet */ }
        }
      }
      // Listed ones on top, so their outlines show.
      for (const name of items) if (paths.has(name)) svg.append(paths.get(name));
      if (box && box.x2 > box.x1) {
        const m = Math.max(box.x2 - box.x1, box.y2 - box.y1) * 0.15;
        svg.setAttribute('viewBox', [box.x1 - m, box.y1 - m, box.x2 - box.x1 + 2 * m, box.y2 - box.y1 + 2 * m].join(' '));
      } else if (full) {
        svg.setAttribute('viewBox', full);
      }
    }
    return { element, update };
  }

  return { build, h, formatInteger, parseInteger, closest, parsePath, parentPath, getPath, setPath, canonical, empty };
})();
