// The exact file clasp pushes: top-level entry points, no Node or browser globals, a manifest as Apps Script expects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const dist = path.resolve(__dirname, '../../dist');
const code = readFileSync(path.join(dist, 'Code.js'), 'utf8');

describe('dist/Code.js', () => {
  it('declares every entry point as a real top-level function', () => {
    const declared = [...code.matchAll(/^function (\w+)\(\) \{\n {2}__app\.executionScope\.begin\(\);\n {2}return __app\.\1\.apply/gm)]
      .map((match) => match[1])
      .sort();
    expect(declared).toEqual(expect.arrayContaining(['doGet', 'doPost', 'onCalendarChange', 'setup', 'teardown', 'tick']));
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of declared) expect(typeof context[name]).toBe('function');
  });

  it('loads in a bare V8 context: no require, process, Buffer, timers, fetch, URL or TextEncoder at load time', () => {
    const context = vm.createContext({});
    expect(() => vm.runInContext(code, context)).not.toThrow();
    for (const name of ['require', 'process', 'Buffer', 'setTimeout', 'fetch', 'URL', 'TextEncoder', 'window', 'document']) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('undefined');
    }
  });

  it('mentions none of the globals Apps Script lacks', () => {
    for (const pattern of [
      /\brequire\(/,
      /\bprocess\.env\b/,
      /\bBuffer\./,
      /\bsetTimeout\(/,
      /\bnew URL\(/,
      /\bnew TextEncoder\(/,
      /(?<![.\w])fetch\(/,
    ]) {
      expect(code).not.toMatch(pattern);
    }
  });

  it('touches no Apps Script service when loaded (Apps Script loads it on every execution)', () => {
    const touched: string[] = [];
    const services = [
      'Calendar',
      'CalendarApp',
      'PropertiesService',
      'SpreadsheetApp',
      'UrlFetchApp',
      'LockService',
      'ScriptApp',
      'Session',
      'Utilities',
      'HtmlService',
      'ContentService',
      'MailApp',
      'CacheService',
    ];
    const context = vm.createContext(
      Object.fromEntries(
        services.map((name) => [
          name,
          new Proxy(
            {},
            {
              get: (_, prop) => {
                touched.push(`${name}.${String(prop)}`);
                return undefined;
              },
            },
          ),
        ]),
      ),
    );
    vm.runInContext(code, context);
    expect(touched).toEqual([]);
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));

  it('runs on V8 with Stackdriver logging, the Calendar advanced service and an explicit scope list', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' },
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
    ]);
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/calendar',
        'https://www.googleapis.com/auth/spreadsheets',
        'https://www.googleapis.com/auth/script.external_request',
      ]),
    );
    expect(manifest.oauthScopes.every((scope: string) => scope.startsWith('https://www.googleapis.com/auth/'))).toBe(true);
  });

  it('serves the web app as the deploying user to anonymous visitors', () => {
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
  });
});

describe('clasp configuration', () => {
  it('pushes exactly dist/Code.js and dist/appsscript.json', () => {
    const root = path.resolve(__dirname, '../..');
    // .clasp.json is the host's own (npm run setup writes it with --rootDir dist); a placeholder would make create-script refuse.
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['.clasp.json', '.deployment-id']),
    );
    expect(readFileSync(path.join(root, '.claspignore'), 'utf8').trim().split('\n')).toEqual(['**/**', '!Code.js', '!appsscript.json']);
  });
});
