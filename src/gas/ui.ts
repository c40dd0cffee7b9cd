// The bound spreadsheet's menu and dialogs, for the host.
export function addMenu(title: string, items: Array<{ label: string; functionName: string }>): void {
  const menu = SpreadsheetApp.getUi().createMenu(title);
  for (const item of items) menu.addItem(item.label, item.functionName);
  menu.addToUi();
}

export function showDialog(title: string, html: string): void {
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(560).setHeight(360), title);
}

/** A real simple-trigger event carries the Spreadsheet object; google.script.run can only pass JSON. */
export function isSpreadsheetOpenEvent(event: unknown): boolean {
  const source = (event as { source?: { getId?: unknown } } | null | undefined)?.source;
  return typeof source?.getId === 'function';
}
