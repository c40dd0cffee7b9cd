// `import code from './browser/page?script'`: esbuild.config.mjs bundles that browser entry and inlines it as a string.
declare module '*?script' {
  const code: string;
  export default code;
}
