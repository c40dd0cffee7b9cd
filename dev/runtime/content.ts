// ContentService: text outputs (JSON, iCalendar, XML, ...) that doGet/doPost return, for the sandbox to serve.
import type { RuntimeCore } from './core';
import { enumOf, expose, unwrap } from './expose';

export const MimeType = enumOf('ATOM', 'CSV', 'ICAL', 'JAVASCRIPT', 'JSON', 'RSS', 'TEXT', 'VCARD', 'XML');
export type MimeTypeName = keyof typeof MimeType;

/** The Content-Type header Apps Script serves for each ContentService.MimeType. */
export const CONTENT_TYPES: Record<MimeTypeName, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'application/xml',
};

export class TextOutput {
  content = '';
  mimeType: MimeTypeName = 'TEXT';
  fileName: string | null = null;

  constructor(content?: string) {
    if (content !== undefined && content !== null) this.content = String(content);
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): TextOutput {
    this.content = String(content);
    return this;
  }

  append(addedContent: string): TextOutput {
    this.content += String(addedContent);
    return this;
  }

  clear(): TextOutput {
    this.content = '';
    return this;
  }

  getMimeType(): MimeTypeName {
    return this.mimeType;
  }

  setMimeType(mimeType: unknown): TextOutput {
    const name = String(mimeType);
    if (!(name in MimeType)) throw new Error(`Invalid argument: mimeType`);
    this.mimeType = name as MimeTypeName;
    return this;
  }

  downloadAsFile(filename: string): TextOutput {
    if (!filename) throw new Error('Invalid argument: filename');
    this.fileName = String(filename);
    return this;
  }

  getFileName(): string | null {
    return this.fileName;
  }
}

/** What the sandbox serves for a TextOutput a doGet/doPost returned (uncounted). */
export function describeTextOutput(output: unknown): { content: string; contentType: string; fileName: string | null } | null {
  const raw = unwrap(output);
  if (!(raw instanceof TextOutput)) return null;
  return { content: raw.content, contentType: CONTENT_TYPES[raw.mimeType], fileName: raw.fileName };
}

export class ContentServiceEmulation {
  constructor(private readonly core: RuntimeCore) {}

  service(): GoogleAppsScript.Content.ContentService {
    const core = this.core;
    const service = {
      MimeType,
      createTextOutput: (content?: string) => expose(core, new TextOutput(content), 'TextOutput'),
    };
    return expose(core, service, 'ContentService') as unknown as GoogleAppsScript.Content.ContentService;
  }
}
