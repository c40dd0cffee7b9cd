// The spreadsheet's menu, sidebars and dialogs over the sandbox's HTTP API, and google.script.run's copy rules.
import type { Server } from 'node:http';
import { startServer } from '../../dev/server';
import { copyAcross } from '../../dev/script-run';
import type { Sandbox } from '../../dev/sandbox';

let server: Server;
let sandbox: Sandbox;
let base: string;

async function call(method: string, route: string, body?: unknown): Promise<{ status: number; json: any; text: string; type: string }> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, type: response.headers.get('content-type') ?? '' };
}

beforeAll(async () => {
  ({ server, sandbox } = await startServer({ port: 0 }));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('/_sandbox/ui', () => {
  test('opening the spreadsheet adds the menu; an item shows its sidebar, served with google.script.run as the owner', async () => {
    await call('POST', '/_sandbox/reset');
    expect((await call('GET', '/_sandbox/ui')).json).toEqual({ menus: [], dialogs: [] });
    const opened = await call('POST', '/_sandbox/ui/open');
    expect(opened.json.menus[0].caption).toBe('WhatsApp appointments');
    expect(opened.json.menus[0].items).toEqual(expect.arrayContaining([{ caption: 'Settings', functionName: 'showSettings' }]));

    // A menu function's undefined result is left out of the JSON.
    expect((await call('POST', '/_sandbox/ui/menu/showSettings')).json).toEqual({ dialog: 0 });
    const listed = await call('GET', '/_sandbox/ui');
    expect(listed.json.dialogs).toEqual([{ id: 0, kind: 'sidebar', title: 'Settings', width: 300, height: 400, at: sandbox.now }]);
    const frame = await call('GET', '/_sandbox/ui/dialogs/0');
    expect(frame.type).toContain('text/html');
    expect(frame.text).toMatch(/<head><script>\(function \(\) \{/);
    expect(frame.text).toContain('<body data-panel="settings">');
    expect((await call('GET', '/_sandbox/ui/dialogs/7')).status).toBe(404);

    const form = await call('POST', '/_sandbox/ui/run/getSettingsForm', { args: [] });
    expect(form.json.result.fields.find((field: { name: string }) => field.name === 'HOST_NAME').value).toBe('Alex Morgan');
    const saved = await call('POST', '/_sandbox/ui/run/saveSettings', { args: [{ HOST_NAME: 'Dr. Jo Park' }] });
    expect(saved.json).toEqual({ result: { ok: true, saved: ['HOST_NAME'] } });
    expect(sandbox.settings().HOST_NAME).toBe('Dr. Jo Park');
  });

  test('a menu item runs only if a menu offers it', async () => {
    await call('POST', '/_sandbox/reset');
    expect((await call('POST', '/_sandbox/ui/menu/showSettings')).json).toEqual({ error: 'No menu item runs showSettings' });
    await call('POST', '/_sandbox/ui/open');
    expect((await call('POST', '/_sandbox/ui/menu/teardown')).json).toEqual({ error: 'No menu item runs teardown' });
    expect(sandbox.runtime.triggers.list()).toHaveLength(2);
  });
});

describe('copyAcross: what google.script.run lets through', () => {
  test('primitives, plain objects and arrays are copied; undefined in arrays becomes null, in objects it is dropped', () => {
    const value = { a: 1, b: 'x', c: [1, undefined, null, { d: true }], e: undefined, f: Number.NaN };
    const copied = copyAcross(value);
    expect(copied).toEqual({ ok: true, value: { a: 1, b: 'x', c: [1, null, null, { d: true }], f: null } });
    if (copied.ok) expect(copied.value).not.toBe(value);
  });

  test('a Date, a function, a class instance or a cycle anywhere is illegal, with its path', () => {
    expect(copyAcross({ when: new Date(0) })).toEqual({ ok: false, path: 'value.when' });
    expect(copyAcross([1, () => 2])).toEqual({ ok: false, path: 'value[1]' });
    expect(copyAcross({ m: new Map() })).toEqual({ ok: false, path: 'value.m' });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(copyAcross(cycle)).toEqual({ ok: false, path: 'value.self' });
    const shared = { x: 1 };
    expect(copyAcross({ a: shared, b: shared })).toEqual({ ok: true, value: { a: { x: 1 }, b: { x: 1 } } });
  });
});
