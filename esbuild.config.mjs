// Builds dist/: one IIFE bundle plus a real top-level function for every export of src/index.ts.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const BUNDLE_NAME = '__app';

/** Browsers the attendee pages support; the server bundle's target is Apps Script's V8 instead. */
const BROWSER_TARGET = 'es2018';

/**
 * `import code from './browser/page?script'` in server code: bundles that browser entry point
 * (with its imports) into one minified IIFE and hands it to the importer as a string, which the page
 * inlines in a <script> (HtmlService's IFRAME sandbox serves one document; dist/ stays Code.js only).
 */
export const browserScripts = {
  name: 'browser-scripts',
  setup(server) {
    server.onResolve({ filter: /\?script$/ }, (args) => ({
      path: `${path.resolve(args.resolveDir, args.path.slice(0, -'?script'.length))}.ts`,
      namespace: 'browser-script',
    }));
    server.onLoad({ filter: /.*/, namespace: 'browser-script' }, async (args) => {
      const result = await build({
        entryPoints: [args.path],
        bundle: true,
        format: 'iife',
        target: BROWSER_TARGET,
        platform: 'browser',
        minify: true,
        write: false,
        metafile: true,
        legalComments: 'none',
        charset: 'utf8',
        logLevel: 'silent',
      });
      const code = result.outputFiles[0].text.trim();
      // The string lands inside <script>…</script>: these sequences would end or derail it.
      if (/<\/script|<!--/i.test(code)) throw new Error(`${args.path}: the bundle contains </script or <!--`);
      return { contents: code, loader: 'text', watchFiles: Object.keys(result.metafile.inputs).map((file) => path.resolve(file)) };
    });
  },
};

/**
 * Apps Script only sees top-level function declarations (Run menu, triggers, google.script.run).
 * We load the IIFE in an empty vm context, which also proves its top level touches no service,
 * and write one declaration per exported function that forwards to the bundle.
 */
export function entryPointNames(bundleCode) {
  const context = vm.createContext({});
  vm.runInContext(`${bundleCode}\nthis.${BUNDLE_NAME} = ${BUNDLE_NAME};`, context);
  const exported = context[BUNDLE_NAME];
  return Object.keys(exported)
    .filter((name) => typeof exported[name] === 'function')
    .sort();
}

/**
 * Apps Script runs the script's global code anew for every execution, so module state (the caches of
 * one run) never outlives it. Each stub says so explicitly: a host that keeps one realm alive between
 * runs (the sandbox) then gives every execution the same fresh caches.
 */
export function entryPointStubs(names) {
  return names
    .map(
      (name) =>
        `function ${name}() {\n  ${BUNDLE_NAME}.executionScope.begin();\n  return ${BUNDLE_NAME}.${name}.apply(this, arguments);\n}`,
    )
    .join('\n');
}

/**
 * The web app's /exec URL baked into the bundle (npm run setup knows it; later builds read the
 * deployment id it saved), so the script knows its URL without a hand-typed WEB_APP_URL.
 */
export function deployedWebAppUrl() {
  const id = existsSync('.deployment-id') ? readFileSync('.deployment-id', 'utf8').trim() : '';
  return /^[\w-]{20,}$/.test(id) ? `https://script.google.com/macros/s/${id}/exec` : '';
}

export async function buildBundle({ outDir = 'dist', webAppUrl = deployedWebAppUrl() } = {}) {
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_NAME,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [browserScripts],
    define: { __DEPLOYED_WEB_APP_URL__: JSON.stringify(webAppUrl) },
  });
  const bundleCode = result.outputFiles[0].text;
  const names = entryPointNames(bundleCode);
  const code = `// Built from src/ by esbuild.config.mjs; entry points are forwarded to the bundle below.\n${bundleCode}\n${entryPointStubs(names)}\n`;
  writeFileSync(`${outDir}/Code.js`, code);
  const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8'));
  writeFileSync(`${outDir}/appsscript.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  return { names, bytes: Buffer.byteLength(code) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { names, bytes } = await buildBundle();
  console.log(`dist/Code.js: ${(bytes / 1024).toFixed(1)} KiB, entry points: ${names.join(', ')}`);
}
