// The host's menu in the bound spreadsheet: settings, templates, test message, health check, sync, set up, and the URL to paste into Twilio.
import { PROP } from '../domain/settings';
import { readScriptProperties } from '../gas/properties';
import { knownWebAppUrl } from '../gas/platform';
import { addMenu, showDialog } from '../gas/ui';
import { html } from '../web/html';

export const MENU_TITLE = 'WhatsApp appointments';

export function installMenu(): void {
  addMenu(MENU_TITLE, [
    { label: 'Settings', functionName: 'showSettings' },
    { label: 'Create WhatsApp templates', functionName: 'showTemplates' },
    { label: 'Send a test message', functionName: 'showTestMessage' },
    { label: 'Health check', functionName: 'showHealthCheck' },
    { label: 'Sync now', functionName: 'syncNow' },
    { label: 'Set up or repair', functionName: 'setup' },
    { label: 'Twilio webhook URL', functionName: 'showTwilioSetup' },
  ]);
}

/** What the host pastes into Twilio's "when a message comes in" field. */
export function inboundWebhookUrl(props: Record<string, string>): string {
  const base = (props[PROP.webAppUrl] || knownWebAppUrl()).replace(/\?.*$/, '');
  return `${base}?hook=twilio&k=${encodeURIComponent(props[PROP.webhookKey] ?? '')}`;
}

export function twilioSetupText(): string {
  const props = readScriptProperties();
  if (!props[PROP.webhookKey]) return 'Run "Set up or repair" first: it creates the webhook key.';
  return inboundWebhookUrl(props);
}

export function showTwilioSetupDialog(): void {
  const url = twilioSetupText();
  showDialog(
    'Twilio webhook',
    html`<p style="font-family:sans-serif">In Twilio, under your WhatsApp sender, set <b>When a message comes in</b> (POST) to:</p>
<textarea readonly style="width:100%;height:90px">${url}</textarea>
<p style="font-family:sans-serif;color:#555">Keep it secret: the key in it is what proves a post comes from Twilio.</p>`.value,
  );
}
