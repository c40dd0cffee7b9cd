// The host's menu in the bound spreadsheet (settings, templates, test message, health check, sync, set up) and the URL to paste into Twilio.
import { PROP } from '../domain/settings';
import { readScriptProperties } from '../gas/properties';
import { knownWebAppUrl } from '../gas/platform';
import { addMenu } from '../gas/ui';

export const MENU_TITLE = 'WhatsApp appointments';

export function installMenu(): void {
  addMenu(MENU_TITLE, [
    { label: 'Settings', functionName: 'showSettings' },
    { label: 'Create WhatsApp templates', functionName: 'showTemplates' },
    { label: 'Send a test message', functionName: 'showTestMessage' },
    { label: 'Health check', functionName: 'showHealthCheck' },
    { label: 'Sync now', functionName: 'syncNow' },
    { label: 'Set up or repair', functionName: 'setup' },
  ]);
}

/** What the host pastes into Twilio's "when a message comes in" field. */
export function inboundWebhookUrl(props: Record<string, string>): string {
  const base = (props[PROP.webAppUrl] || knownWebAppUrl()).replace(/\?.*$/, '');
  return `${base}?hook=twilio&k=${encodeURIComponent(props[PROP.webhookKey] ?? '')}`;
}

/** The inbound webhook URL for the Settings sidebar, or '' before setup made the key. */
export function twilioWebhookUrl(props: Record<string, string> = readScriptProperties()): string {
  return props[PROP.webhookKey] ? inboundWebhookUrl(props) : '';
}
