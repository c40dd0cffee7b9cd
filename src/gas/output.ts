// What doGet and doPost return: HTML pages, text, JSON and iCalendar files.
import type { SafeHtml } from '../web/html';

export function htmlPage(body: SafeHtml, title: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(body.value).setTitle(title).addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

export function textOutput(text: string, mime: 'xml' | 'json' | 'text' | 'ical', fileName?: string): GoogleAppsScript.Content.TextOutput {
  const types = {
    xml: ContentService.MimeType.XML,
    json: ContentService.MimeType.JSON,
    text: ContentService.MimeType.TEXT,
    ical: ContentService.MimeType.ICAL,
  };
  const output = ContentService.createTextOutput(text).setMimeType(types[mime]);
  return fileName ? output.downloadAsFile(fileName) : output;
}
