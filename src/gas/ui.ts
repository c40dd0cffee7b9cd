// The bound spreadsheet's menu and dialogs, for the host.
export function addMenu(title: string, items: Array<{ label: string; functionName: string }>): void {
  const menu = SpreadsheetApp.getUi().createMenu(title);
  for (const item of items) menu.addItem(item.label, item.functionName);
  menu.addToUi();
}

export function showDialog(title: string, html: string, size: { width: number; height: number } = { width: 560, height: 360 }): void {
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(size.width).setHeight(size.height), title);
}

/** Sheets shows a sidebar 300 px wide, whatever the output's width; its title is the output's title. */
export function showSidebar(title: string, html: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle(title));
}

/** A real simple-trigger event carries the Spreadsheet object; google.script.run can only pass JSON. */
export function isSpreadsheetOpenEvent(event: unknown): boolean {
  const source = (event as { source?: { getId?: unknown } } | null | undefined)?.source;
  return typeof source?.getId === 'function';
}
