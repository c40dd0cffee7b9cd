// The sandbox's HTTP server: the control API of DESIGN.md, the web app at /exec, the fake Twilio API and the UI.
import { errorMessage } from '../src/domain/errors';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Sandbox, type WebResponse } from './sandbox';
import { panelDocument } from './script-run';

type Json = unknown;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 5_000_000) {
        reject(new HttpError(413, 'body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

function queryOf(url: URL): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  url.searchParams.forEach((value, name) => {
    query[name] = [...(query[name] ?? []), value];
  });
  return query;
}

/** google.script.run for pages served in the sandbox: each call becomes POST /_sandbox/run/{name}. */
const CLIENT_SHIM = `<script>(function(){
  function runner(success, failure, user) {
    var target = {};
    return new Proxy(target, { get: function(_, name) {
      if (name === 'withSuccessHandler') return function(fn){ return runner(fn, failure, user); };
      if (name === 'withFailureHandler') return function(fn){ return runner(success, fn, user); };
      if (name === 'withUserObject') return function(u){ return runner(success, failure, u); };
      return function() {
        var args = Array.prototype.slice.call(arguments);
        fetch('/_sandbox/run/' + encodeURIComponent(name), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ args: args }) })
          .then(function(r){ return r.json(); })
          .then(function(out){
            if ('error' in out) { if (failure) failure(new Error(out.error), user); }
            else if (success) success(out.result, user);
          }, function(err){ if (failure) failure(err, user); });
      };
    }});
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function(){} } } };
})();</script>`;

function servePage(response: WebResponse): { status: number; headers: Record<string, string>; body: string } {
  if (response.contentType.startsWith('text/html') && response.title !== undefined) {
    const head = [
      `<title>${(response.title ?? '').replace(/[<>&]/g, '')}</title>`,
      ...(response.metaTags ?? []).map(
        (tag) => `<meta name="${tag.name.replace(/"/g, '')}" content="${tag.content.replace(/"/g, '&quot;')}">`,
      ),
      CLIENT_SHIM,
    ].join('');
    const body = /<head>/i.test(response.body) ? response.body.replace(/<head>/i, `<head>${head}`) : `${head}${response.body}`;
    return { status: response.status, headers: { 'Content-Type': response.contentType }, body };
  }
  const headers: Record<string, string> = { 'Content-Type': response.contentType };
  if (response.fileName) headers['Content-Disposition'] = `attachment; filename="${response.fileName.replace(/"/g, '')}"`;
  return { status: response.status, headers, body: response.body };
}

export function createServer(sandboxOf: () => Sandbox): http.Server {
  const uiPath = path.resolve(__dirname, '..', 'dev', 'ui', 'index.html');
  const uiFallback = path.resolve(__dirname, 'ui', 'index.html');

  async function handle(request: http.IncomingMessage): Promise<{ status: number; headers?: Record<string, string>; body: string | Json }> {
    const sandbox = sandboxOf();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const route = url.pathname;
    const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(request);

    if (route === '/' && method === 'GET') {
      let page: string;
      try {
        page = readFileSync(uiPath, 'utf8');
      } catch {
        page = readFileSync(uiFallback, 'utf8');
      }
      return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: page };
    }
    if (route === '/exec' || route.startsWith('/exec/')) {
      const query = queryOf(url);
      const served =
        method === 'POST'
          ? sandbox.doPost(query, { contents: text, type: String(request.headers['content-type'] ?? 'text/plain') })
          : sandbox.doGet(query);
      const page = servePage(served);
      return { status: page.status, headers: page.headers, body: page.body };
    }
    if (route.startsWith('/2010-04-01/')) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
      const answer = sandbox.twilio.handle({ url: `https://api.twilio.com${route}${url.search}`, method, headers, payload: text });
      sandbox.version++;
      return { status: answer.status, headers: { 'Content-Type': 'application/json', ...(answer.headers ?? {}) }, body: answer.body };
    }
    if (!route.startsWith('/_sandbox/')) throw new HttpError(404, `no route ${method} ${route}`);

    const parts = route.split('/').slice(2).map(decodeURIComponent);
    const [area, ...rest] = parts;
    const body = text === '' ? {} : parseJson(text);
    switch (`${method} ${area}`) {
      case 'POST reset':
        sandbox.reset(body as never);
        return { status: 200, body: { ok: true, ...sandbox.state() } };
      case 'GET state':
        return { status: 200, body: sandbox.state() };
      case 'GET settings':
        return { status: 200, body: sandbox.settings() };
      case 'POST settings': {
        const values: Record<string, string> = {};
        for (const [name, value] of Object.entries(body)) values[name] = typeof value === 'string' ? value : JSON.stringify(value);
        sandbox.mergeSettings(values);
        return { status: 200, body: sandbox.settings() };
      }
      case 'GET calendar':
      case 'POST calendar':
      case 'PATCH calendar':
      case 'DELETE calendar': {
        if (rest[0] !== 'events') break;
        const id = rest[1];
        if (method === 'GET' && id && rest[2] === 'instances') {
          const bound = (name: string): number | undefined =>
            url.searchParams.has(name) ? Date.parse(String(url.searchParams.get(name))) : undefined;
          return { status: 200, body: sandbox.instances(id, bound('timeMin'), bound('timeMax')) };
        }
        if (method === 'POST' && id && rest[2] === 'split') return { status: 200, body: sandbox.splitSeries(id, body) };
        if (method === 'GET') {
          if (!id && url.searchParams.get('singleEvents') === 'true') {
            const from = Date.parse(String(url.searchParams.get('timeMin')));
            const to = Date.parse(String(url.searchParams.get('timeMax')));
            if (Number.isNaN(from) || Number.isNaN(to)) throw new HttpError(400, 'singleEvents=true needs timeMin and timeMax');
            return { status: 200, body: sandbox.expandedEvents(from, to) };
          }
          if (!id) return { status: 200, body: sandbox.events() };
          const event = sandbox.event(id);
          if (!event) throw new HttpError(404, `no event ${id}`);
          return { status: 200, body: event };
        }
        if (method === 'POST' && !id) {
          const parsed = text.trim().startsWith('[') ? (JSON.parse(text) as object[]) : [body];
          const created = sandbox.insertEvents(parsed);
          return { status: 200, body: Array.isArray(JSON.parse(text || '{}')) ? created : created[0] };
        }
        if (method === 'PATCH' && id) return { status: 200, body: sandbox.patchEvent(id, body) };
        if (method === 'DELETE' && id) return { status: 200, body: sandbox.cancelEvent(id) };
        break;
      }
      case 'GET twilio':
        if (rest[0] === 'messages') return { status: 200, body: sandbox.twilio.messages() };
        // The WhatsApp templates made through the Content API, each with its approval.
        if (rest[0] === 'content' && !rest[1]) return { status: 200, body: sandbox.twilio.content.all() };
        break;
      case 'POST twilio':
        // WhatsApp's decision on a submitted template: {status: "approved" | "rejected", reason?}.
        if (rest[0] === 'content' && rest[1] && rest[2] === 'approval') {
          const status = body.status;
          if (status !== 'approved' && status !== 'rejected') throw new HttpError(400, 'status must be "approved" or "rejected"');
          if (body.reason !== undefined && typeof body.reason !== 'string') throw new HttpError(400, 'reason must be a string');
          if (!sandbox.twilio.content.find(rest[1])) throw new HttpError(404, `no template ${rest[1]}`);
          try {
            const approval = sandbox.twilio.content.setApproval(rest[1], status, body.reason as string | undefined);
            sandbox.version++;
            return { status: 200, body: approval };
          } catch (error) {
            throw new HttpError(409, errorMessage(error));
          }
        }
        if (rest[0] === 'messages' && rest[2] === 'status') {
          const code = body.errorCode === undefined ? undefined : Number(body.errorCode);
          if (!sandbox.twilio.get(rest[1])) throw new HttpError(404, `no message ${rest[1]}`);
          // `callback: false` changes the status at Twilio without posting the callback (a lost callback).
          if (body.callback === false) {
            sandbox.messageStatus(rest[1], String(body.status ?? ''), code, { callback: false });
            return { status: 200, body: { status: sandbox.twilio.get(rest[1])?.status, callback: false } };
          }
          const answer = sandbox.messageStatus(rest[1], String(body.status ?? ''), code);
          if (!answer) throw new HttpError(404, `no message ${rest[1]} with a status callback`);
          return { status: 200, body: { status: answer.status, body: answer.body } };
        }
        if (rest[0] === 'inbound') {
          const answer = sandbox.inbound({
            from: String(body.from ?? ''),
            body: String(body.body ?? ''),
            buttonPayload: body.buttonPayload === undefined ? undefined : String(body.buttonPayload),
            messageSid: body.messageSid === undefined ? undefined : String(body.messageSid),
            profileName: body.profileName === undefined ? undefined : String(body.profileName),
          });
          return { status: 200, body: { status: answer.status, body: answer.body } };
        }
        if (rest[0] === 'faults') {
          const fault = {
            httpStatus: body.httpStatus === undefined ? undefined : Number(body.httpStatus),
            errorCode: body.errorCode === undefined ? undefined : Number(body.errorCode),
            // `{timeout: true}` is accepted as a short form of `{network: "timeout"}`.
            network: (body.network ?? (body.timeout === true ? 'timeout' : undefined)) as never,
            count: Number(body.count ?? 1),
          };
          try {
            sandbox.twilio.injectFault(fault);
          } catch (error) {
            throw new HttpError(400, errorMessage(error));
          }
          return { status: 200, body: { ok: true } };
        }
        break;
      case 'GET sheets':
        if (!rest[0]) return { status: 200, body: sandbox.sheetNames() };
        {
          const values = sandbox.sheet(rest[0]);
          if (!values) throw new HttpError(404, `no sheet ${rest[0]}`);
          return { status: 200, body: { values } };
        }
      case 'GET mail':
        return { status: 200, body: sandbox.runtime.mail.sent };
      case 'GET clock':
        return { status: 200, body: { now: new Date(sandbox.now).toISOString(), timeZone: sandbox.runtime.core.timeZone } };
      case 'POST clock': {
        const target = typeof body.now === 'number' ? body.now : Date.parse(String(body.now ?? ''));
        if (Number.isNaN(target)) throw new HttpError(400, 'now must be an ISO time or epoch milliseconds');
        sandbox.setClock(target);
        return { status: 200, body: { now: new Date(sandbox.now).toISOString() } };
      }
      case 'POST run': {
        const args = Array.isArray(body.args) ? body.args : [];
        const user = body.user === 'owner' || body.user === 'editor' ? body.user : 'anonymous';
        return { status: 200, body: sandbox.run(rest[0] ?? '', args, { caller: user }) };
      }
      case 'GET ui':
        if (!rest[0]) {
          const dialogs = sandbox.dialogs().map(({ content: _content, ...dialog }, id) => ({ id, ...dialog }));
          return { status: 200, body: { menus: sandbox.menus(), dialogs } };
        }
        if (rest[0] === 'dialogs' && rest[1] !== undefined) {
          const dialog = sandbox.dialogs()[Number(rest[1])];
          if (!dialog) throw new HttpError(404, `no dialog ${rest[1]}`);
          return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: panelDocument(dialog.content) };
        }
        break;
      case 'POST ui':
        if (rest[0] === 'open') {
          sandbox.openSpreadsheet();
          return { status: 200, body: { menus: sandbox.menus() } };
        }
        if (rest[0] === 'menu' && rest[1]) return { status: 200, body: sandbox.chooseMenuItem(rest[1]) };
        if (rest[0] === 'run' && rest[1])
          return { status: 200, body: sandbox.runFromPanel(rest[1], Array.isArray(body.args) ? body.args : []) };
        break;
      case 'GET calls':
        return { status: 200, body: { ...sandbox.runtime.core.calls } };
      case 'GET logs':
        return { status: 200, body: sandbox.runtime.logs };
      case 'GET triggers':
        return { status: 200, body: sandbox.runtime.triggers.list() };
      default:
        break;
    }
    throw new HttpError(404, `no route ${method} ${route}`);
  }

  return http.createServer((request, response) => {
    handle(request)
      .then((answer) => {
        const isText = typeof answer.body === 'string';
        response.writeHead(answer.status, answer.headers ?? { 'Content-Type': 'application/json' });
        response.end(isText ? (answer.body as string) : JSON.stringify(answer.body));
      })
      .catch((error: unknown) => {
        // The fake Calendar's API errors are the caller's mistake (a bad rule, an unknown id), not the sandbox's.
        const apiError = error instanceof Error && error.name === 'GoogleJsonResponseException';
        const status = error instanceof HttpError ? error.status : apiError ? (/Not Found/.test(error.message) ? 404 : 400) : 500;
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: errorMessage(error) }));
      });
  });
}

export async function startServer(options: {
  port: number;
  host?: string;
  now?: number;
}): Promise<{ server: http.Server; sandbox: Sandbox; url: string }> {
  const host = options.host ?? '127.0.0.1';
  let sandbox: Sandbox | undefined;
  const server = createServer(() => sandbox as Sandbox);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  // The web app URL (in every link) needs the real port, so the sandbox starts once it is known.
  sandbox = new Sandbox({ baseUrl: `http://${host}:${port}`, now: options.now });
  return { server, sandbox, url: `http://${host}:${port}/` };
}
