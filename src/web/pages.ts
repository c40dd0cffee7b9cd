// Shared page frame and the simple message page (errors, notices) for the attendee's web app.
import { html, type SafeHtml } from './html';

const STYLE = `
  :root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --brand: #128c7e; --bg: #f5f7fa; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); overflow-wrap: anywhere; }
  main { max-width: 560px; margin: 0 auto; padding: 24px 16px 48px; }
  .card { background: #fff; border: 1px solid var(--line); border-radius: 14px; padding: 20px; margin: 16px 0; }
  h1 { font-size: 1.35rem; margin: 0 0 8px; }
  h2 { font-size: 1.05rem; margin: 20px 0 8px; }
  p { margin: 8px 0; }
  .muted { color: var(--muted); font-size: .92rem; }
  .host { color: var(--muted); font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; }
  .button, button { display: inline-block; border: 0; border-radius: 10px; padding: 12px 16px; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; text-align: center; background: var(--brand); color: #fff; min-height: 44px; }
  .button.secondary, button.secondary { background: #e4e7eb; color: var(--ink); }
  .button.danger, button.danger { background: #c62828; color: #fff; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 16px; }
  .actions > * { flex: 1 1 140px; }
  .slots { display: grid; grid-template-columns: repeat(auto-fill, minmax(96px, 1fr)); gap: 8px; }
  .slots button { background: #fff; color: var(--brand); border: 1px solid var(--brand); padding: 8px; }
  .slots button small { display: block; font-weight: 400; color: var(--muted); font-size: .75rem; }
  label { display: block; margin: 12px 0 4px; font-weight: 600; }
  input { width: 100%; padding: 10px 12px; border: 1px solid var(--line); border-radius: 8px; font: inherit; }
  .notice { padding: 12px 14px; border-radius: 10px; background: #e3f9e5; margin: 12px 0; }
  .notice.error { background: #ffe3e3; }
  .hidden { display: none !important; }
  .languages { display: flex; flex-wrap: wrap; gap: 6px 12px; justify-content: center; margin: 24px 0 0; font-size: .9rem; color: var(--muted); }
  .languages a { color: var(--brand); }
  .trap { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** The page's language: `<html lang dir>`, and the picker's links to the same page in every other language. */
export interface PageLanguage {
  code: string;
  dir: 'ltr' | 'rtl';
  /** Label of the picker ("Language" in the page's language). */
  label: string;
  /** Every language by its own name with the link to this page in it; none for pages without a picker. */
  choices?: ReadonlyArray<{ code: string; name: string; href: string }>;
}

const ENGLISH: PageLanguage = { code: 'en', dir: 'ltr', label: 'Language' };

function languagePicker(language: PageLanguage): SafeHtml | string {
  if (!language.choices || language.choices.length === 0) return '';
  // Each name is in its own language and direction, so an Arabic name reads right inside an English list and back.
  const links = language.choices.map((choice) =>
    choice.code === language.code
      ? html`<strong lang="${choice.code}" dir="auto" aria-current="true">${choice.name}</strong>`
      : html`<a lang="${choice.code}" dir="auto" hreflang="${choice.code}" href="${choice.href}" target="_top">${choice.name}</a>`,
  );
  return html`<nav class="languages" aria-label="${language.label}">${links}</nav>`;
}

export function pageFrame(hostName: string, content: SafeHtml, language: PageLanguage = ENGLISH): SafeHtml {
  return html`<!DOCTYPE html><html lang="${language.code}" dir="${language.dir}"><head><meta charset="utf-8"><style>${new (content.constructor as typeof SafeHtml)(STYLE)}</style></head>
<body><main>${hostName ? html`<div class="host"><bdi>${hostName}</bdi></div>` : ''}${content}${languagePicker(language)}</main></body></html>`;
}

export function messagePage(input: {
  hostName: string;
  heading: string;
  text: string;
  action?: { label: string; href: string };
  language?: PageLanguage;
}): SafeHtml {
  return pageFrame(
    input.hostName,
    html`<div class="card"><h1>${input.heading}</h1><p>${input.text}</p>${
      input.action
        ? html`<div class="actions"><a class="button" href="${input.action.href}" target="_top">${input.action.label}</a></div>`
        : ''
    }</div>`,
    input.language,
  );
}
