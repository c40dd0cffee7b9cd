// Builds dist/: one IIFE bundle plus a real top-level function for every export of src/index.ts.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';

const BUNDLE_NAME = '__app';

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

export function entryPointStubs(names) {
  return names.map((name) => `function ${name}() {\n  return ${BUNDLE_NAME}.${name}.apply(this, arguments);\n}`).join('\n');
}

export async function buildBundle({ outDir = 'dist' } = {}) {
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
