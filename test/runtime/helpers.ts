// Shared setup for the runtime service tests: a fresh runtime and its typed globals.
import { AppsScriptRuntime, type RuntimeOptions } from '../../dev/runtime/index';

export interface Globals {
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ContentService: GoogleAppsScript.Content.ContentService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
}

export function setup(options: RuntimeOptions = {}): { runtime: AppsScriptRuntime; g: Globals } {
  const runtime = new AppsScriptRuntime({ webAppUrl: 'http://127.0.0.1:8787/exec', ...options });
  return { runtime, g: runtime.globals() as unknown as Globals };
}
