// google.script.run as the sandbox gives it to a sidebar or dialog: the browser shim, and the copy rules for what crosses, as Apps Script applies them.
//
// https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...): "Legal parameters are
// JavaScript primitives like a Number, Boolean, String, or null, as well as JavaScript objects and arrays that are
// composed of primitives, objects and arrays. A form element within the page is also legal as a parameter, but it
// must be the function's only parameter. Requests fail if you attempt to pass a Date, Function, DOM element besides
// a form, or other prohibited type, including prohibited types inside objects or arrays. Objects that create
// circular references will also fail, and undefined fields within arrays become null."
// Return values: the reference states the rule for parameters only; the sandbox applies the same rule to what a
// server function returns, and an illegal return value (a Date inside, say) reaches the success handler as null,
// which is what hosts report from real projects. Stricter than unknown is the safe side: a page that needs a
// Date gets an ISO string from the server.

/** A copy of `value` as it would cross, or the path of the first illegal part. */
export function copyAcross(
  value: unknown,
  path = 'value',
  seen: Set<object> = new Set(),
): { ok: true; value: unknown } | { ok: false; path: string } {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') return { ok: true, value: Number.isFinite(value) ? value : null };
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'object') return { ok: false, path };
  if (Object.prototype.toString.call(value) === '[object Date]') return { ok: false, path };
  if (seen.has(value)) return { ok: false, path };
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const part = copyAcross(value[i], `${path}[${i}]`, seen);
        if (!part.ok) return part;
        out.push(part.value === undefined ? null : part.value);
      }
      return { ok: true, value: out };
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return { ok: false, path };
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const part = copyAcross(item, `${path}.${key}`, seen);
      if (!part.ok) return part;
      if (part.value !== undefined) out[key] = part.value;
    }
    return { ok: true, value: out };
  } finally {
    seen.delete(value);
  }
}

/**
 * The page's google.script.run and google.script.host: each call is POST /_sandbox/ui/run/{name} (run as the owner,
 * who opened the panel); arguments are checked and copied first, as Apps Script does in the browser.
 */
export const PANEL_SHIM = `<script>(function () {
  function illegal(value, seen) {
    if (value === null || value === undefined) return false;
    var type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return false;
    if (type !== 'object') return true;
    if (Object.prototype.toString.call(value) === '[object Date]') return true;
    if (typeof Node !== 'undefined' && value instanceof Node) return true;
    if (seen.indexOf(value) >= 0) return true;
    var proto = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== null && Object.getPrototypeOf(proto) !== null) return true;
    seen.push(value);
    for (var key in value) if (Object.prototype.hasOwnProperty.call(value, key) && illegal(value[key], seen)) return true;
    seen.pop();
    return false;
  }
  function formObject(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var field = form.elements[i];
      if (!field.name || field.disabled) continue;
      if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) continue;
      out[field.name] = field.value;
    }
    return out;
  }
  function runner(success, failure, user) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (fn) { return runner(fn, failure, user); };
      if (name === 'withFailureHandler') return function (fn) { return runner(success, fn, user); };
      if (name === 'withUserObject') return function (u) { return runner(success, failure, u); };
      return function () {
        var args = Array.prototype.slice.call(arguments);
        var fail = function (error) { setTimeout(function () { if (failure) failure(error, user); }, 0); };
        if (args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement) args = [formObject(args[0])];
        for (var i = 0; i < args.length; i++) {
          if (illegal(args[i], [])) return fail(new Error('Failed due to illegal value in property: ' + i));
        }
        fetch('/_sandbox/ui/run/' + encodeURIComponent(name), {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ args: args })
        }).then(function (r) { return r.json(); }).then(function (out) {
          if ('error' in out) { if (failure) failure(new Error(out.error), user); }
          else if (success) success(out.result, user);
        }, function (error) { if (failure) failure(error, user); });
      };
    }});
  }
  window.google = { script: { run: runner(null, null, undefined), host: {
    close: function () { parent.postMessage({ sandboxPanel: 'close' }, '*'); },
    setHeight: function (h) { parent.postMessage({ sandboxPanel: 'height', value: Number(h) }, '*'); },
    setWidth: function (w) { parent.postMessage({ sandboxPanel: 'width', value: Number(w) }, '*'); },
    editor: { focus: function () {} }
  } } };
})();</script>`;

/** A sidebar's or dialog's HTML as the sandbox serves it in its frame, with google.script.run in place. */
export function panelDocument(content: string): string {
  if (/<head[^>]*>/i.test(content)) return content.replace(/<head[^>]*>/i, (head) => `${head}${PANEL_SHIM}`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${PANEL_SHIM}</head><body>${content}</body></html>`;
}
