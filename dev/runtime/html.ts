// HtmlService: HTML outputs with title, meta tags and frame options, which the sandbox serves like Google's web-app shell.
import { type RuntimeCore, notEmulated } from './core';
import { enumOf, expose, unwrap } from './expose';

export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');

/** The only names HtmlOutput.addMetaTag accepts, per Google's documentation. */
export const ALLOWED_META_TAGS = ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport'];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class HtmlOutput {
  content = '';
  title = '';
  metaTags: { name: string; content: string }[] = [];
  xFrameOptionsMode: keyof typeof XFrameOptionsMode = 'DEFAULT';
  sandboxMode: keyof typeof SandboxMode = 'IFRAME';
  faviconUrl: string | null = null;
  width = 600;
  height = 400;

  constructor(
    private readonly core: RuntimeCore,
    html?: unknown,
  ) {
    if (html !== undefined && html !== null) this.content = String(html);
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): HtmlOutput {
    this.content = '';
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    if (!ALLOWED_META_TAGS.includes(String(name))) return notEmulated(`HtmlOutput.addMetaTag('${String(name)}')`);
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.metaTags.map(
      (tag) =>
        expose(
          this.core,
          { getName: () => tag.name, getContent: () => tag.content },
          'HtmlOutputMetaTag',
        ) as unknown as GoogleAppsScript.HTML.HtmlOutputMetaTag,
    );
  }

  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    const name = String(mode);
    if (!(name in XFrameOptionsMode)) throw new Error('Invalid argument: mode');
    this.xFrameOptionsMode = name as keyof typeof XFrameOptionsMode;
    return this;
  }

  setSandboxMode(mode: unknown): HtmlOutput {
    const name = String(mode);
    if (!(name in SandboxMode)) throw new Error('Invalid argument: mode');
    this.sandboxMode = name as keyof typeof SandboxMode;
    return this;
  }

  getSandboxMode(): string {
    return this.sandboxMode;
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.faviconUrl = String(iconUrl);
    return this;
  }

  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }

  setWidth(width: number): HtmlOutput {
    this.width = Number(width);
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setHeight(height: number): HtmlOutput {
    this.height = Number(height);
    return this;
  }

  getHeight(): number {
    return this.height;
  }
}

export interface HtmlOutputDescription {
  content: string;
  title: string;
  metaTags: { name: string; content: string }[];
  xFrameOptionsMode: string;
  faviconUrl: string | null;
  width: number;
  height: number;
}

/** What the sandbox serves for an HtmlOutput a doGet returned (uncounted). */
export function describeHtmlOutput(output: unknown): HtmlOutputDescription | null {
  const raw = unwrap(output);
  if (!(raw instanceof HtmlOutput)) return null;
  return {
    content: raw.content,
    title: raw.title,
    metaTags: raw.metaTags.map((t) => ({ ...t })),
    xFrameOptionsMode: raw.xFrameOptionsMode,
    faviconUrl: raw.faviconUrl,
    width: raw.width,
    height: raw.height,
  };
}

export class HtmlServiceEmulation {
  constructor(private readonly core: RuntimeCore) {}

  createHtmlOutput(html?: unknown): GoogleAppsScript.HTML.HtmlOutput {
    return expose(this.core, new HtmlOutput(this.core, html), 'HtmlOutput') as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  service(): GoogleAppsScript.HTML.HtmlService {
    const service = {
      XFrameOptionsMode,
      SandboxMode,
      createHtmlOutput: (html?: unknown) => this.createHtmlOutput(html),
      /** HtmlService.createTemplate needs Apps Script's scriptlet compiler; pages are rendered in TypeScript instead. */
      createTemplate: (): never => notEmulated('HtmlService.createTemplate'),
      createTemplateFromFile: (): never => notEmulated('HtmlService.createTemplateFromFile'),
      createHtmlOutputFromFile: (): never => notEmulated('HtmlService.createHtmlOutputFromFile'),
    };
    return expose(this.core, service, 'HtmlService') as unknown as GoogleAppsScript.HTML.HtmlService;
  }
}
