// The host's panels in the spreadsheet, opened from the menu: the settings sidebar and the templates, test-message and health dialogs.
import { PROP } from '../domain/settings';
import { readScriptProperties } from '../gas/properties';
import { showDialog, showSidebar } from '../gas/ui';
import { healthDialog, settingsSidebar, templatesDialog, testMessageDialog } from '../web/host-panels';
import { twilioWebhookUrl } from './menu';
import { readSettingsForm } from './settings';
import { storedTemplateSummary } from './templates';

/** The sidebar also shows the URL to paste into Twilio: only the owner opens it. */
export function showSettingsSidebar(): void {
  const props = readScriptProperties();
  showSidebar('Settings', settingsSidebar(readSettingsForm(props), twilioWebhookUrl(props), storedTemplateSummary(props)).value);
}

export function showHealthDialog(): void {
  showDialog('Health check', healthDialog().value, { width: 480, height: 600 });
}

/** The host's own WhatsApp number, when set, is the likely first test. */
export function showTestMessageDialog(): void {
  const hostNumber = (readScriptProperties()[PROP.hostWhatsapp] ?? '').trim();
  showDialog('Send a test message', testMessageDialog(hostNumber).value, { width: 420, height: 320 });
}

export function showTemplatesDialog(): void {
  showDialog('Create WhatsApp templates', templatesDialog().value, { width: 560, height: 440 });
}
