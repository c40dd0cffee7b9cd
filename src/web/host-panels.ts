// The host's sidebar and dialogs in the spreadsheet (settings, and the panels of the menu), rendered with the escaping tag; their script is browser/host.
import hostScript from './browser/host/panels?script';
import { LANGUAGES, LANGUAGE_CODES } from '../domain/i18n/languages';
import type { FormField, SettingsForm } from '../domain/settings-form';
import { SafeHtml, html } from './html';

/** Fits Sheets' 300 px sidebar: one column, full-width controls, no fixed widths. */
const PANEL_STYLE = html`<style>
  * { box-sizing: border-box; }
  body { margin: 0; padding: 0 12px 12px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #202124; }
  h1 { font-size: 15px; margin: 12px 0 4px; }
  fieldset { border: 1px solid #dadce0; border-radius: 8px; margin: 12px 0 0; padding: 4px 10px 10px; min-width: 0; }
  legend { font-weight: 600; padding: 0 4px; }
  .field { margin-top: 10px; }
  label { display: block; font-weight: 500; margin-bottom: 3px; }
  input, select, textarea { display: block; width: 100%; font: inherit; padding: 5px 7px; border: 1px solid #9aa0a6; border-radius: 4px; background: #fff; color: inherit; }
  textarea { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; resize: vertical; }
  input:focus, select:focus, textarea:focus, button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
  [aria-invalid="true"] { border-color: #c5221f; border-width: 2px; }
  .help { margin: 3px 0 0; color: #5f6368; font-size: 12px; }
  .error { margin: 3px 0 0; color: #c5221f; font-weight: 600; font-size: 12px; }
  .note { color: #5f6368; margin: 6px 0 0; }
  .actions { position: sticky; bottom: 0; background: #fff; padding: 10px 0 2px; margin-top: 12px; border-top: 1px solid #dadce0; }
  button { font: inherit; font-weight: 600; padding: 7px 14px; border-radius: 4px; border: 1px solid #1a73e8; background: #1a73e8; color: #fff; cursor: pointer; }
  button[disabled] { opacity: .6; cursor: progress; }
  .status { margin: 8px 0 0; min-height: 1.4em; }
  ul.checks { list-style: none; padding: 0; margin: 8px 0; }
  ul.checks li { border: 1px solid #dadce0; border-radius: 6px; padding: 6px 8px; margin-top: 6px; }
  .ok { color: #137333; font-weight: 600; }
  .failed { color: #c5221f; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; margin-top: 8px; }
  th, td { text-align: left; border-bottom: 1px solid #dadce0; padding: 4px; vertical-align: top; word-break: break-all; }
  [role="tablist"] { display: flex; gap: 4px; margin: 10px 0 0; border-bottom: 1px solid #dadce0; }
  [role="tab"] { background: #fff; color: #1a73e8; border: 1px solid transparent; border-bottom: none; border-radius: 6px 6px 0 0; padding: 6px 12px; }
  [role="tab"][aria-selected="true"] { border-color: #dadce0; color: #202124; margin-bottom: -1px; background: #fff; }
  .overridden { color: #137333; font-size: 12px; margin: 3px 0 0; }
</style>`;

/** The bundled script, inlined; the build refuses a bundle that could end the <script> element early. */
function panelScript(): SafeHtml {
  return new SafeHtml(`<script>${hostScript}</script>`);
}

function panelPage(panel: string, body: SafeHtml): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><base target="_top">${PANEL_STYLE}</head>
<body data-panel="${panel}">
${body}
${panelScript()}
</body>
</html>`;
}

const SECRET_NOTE = 'Never shown here; leave blank to keep the stored one.';

function control(field: FormField, describedBy: string): SafeHtml {
  const id = `field-${field.name}`;
  if (field.input === 'select') {
    const options = [...(field.options ?? [])];
    // A stored value the choices do not know (a typo made in the editor) stays visible, to be fixed here.
    if (field.value !== '' && !options.some((option) => option.value === field.value))
      options.push({ value: field.value, label: field.value });
    return html`<select id="${id}" name="${field.name}" aria-describedby="${describedBy}">${options.map(
      (option) =>
        html`<option value="${option.value}"${option.value === field.value ? new SafeHtml(' selected') : ''}>${option.label}</option>`,
    )}</select>`;
  }
  if (field.input === 'textarea') {
    return html`<textarea id="${id}" name="${field.name}" rows="4" spellcheck="false" placeholder="${field.placeholder ?? ''}" aria-describedby="${describedBy}">${field.value}</textarea>`;
  }
  if (field.secret) {
    const placeholder = field.set ? 'Stored; type a new one to replace it' : 'Not set';
    return html`<input id="${id}" name="${field.name}" type="password" autocomplete="new-password" spellcheck="false" value="" placeholder="${placeholder}" aria-describedby="${describedBy}">`;
  }
  const numeric = field.input === 'number' ? new SafeHtml(' inputmode="numeric"') : '';
  return html`<input id="${id}" name="${field.name}" type="text"${numeric} autocomplete="off" spellcheck="false" value="${field.value}" placeholder="${field.placeholder ?? ''}" aria-describedby="${describedBy}">`;
}

function fieldBlock(field: FormField): SafeHtml {
  const help = `help-${field.name}`;
  const error = `error-${field.name}`;
  return html`<div class="field">
  <label for="field-${field.name}">${field.label}</label>
  ${control(field, `${error} ${help}`)}
  <p class="error" id="${error}" hidden></p>
  <p class="help" id="${help}">${field.help}${field.secret ? ` ${SECRET_NOTE}` : ''}</p>
</div>`;
}

/** Read-only and unnamed, so the form never submits it; selecting it copies it. '' before setup made the key. */
function webhookBlock(url: string): SafeHtml {
  if (url === '')
    return html`<p class="note" id="twilio-webhook-url">Twilio webhook URL: run "Set up or repair" first; it creates the webhook key.</p>`;
  return html`<div class="field">
  <label for="twilio-webhook-url">Twilio webhook URL (incoming messages)</label>
  <input id="twilio-webhook-url" type="text" readonly spellcheck="false" value="${url}" aria-describedby="help-twilio-webhook-url">
  <p class="help" id="help-twilio-webhook-url">Paste it in Twilio under your WhatsApp sender (or the sandbox): When a message comes in, method POST. Keep it secret: its key is what proves a post comes from Twilio.</p>
</div>`;
}

/** `templates`: the per-language line on the WhatsApp templates, shown in the Templates group. */
export function settingsSidebar(form: SettingsForm, webhookUrl: string, templates = ''): SafeHtml {
  const groups = form.groups.map((group) => {
    const fields = form.fields.filter((field) => field.group === group.id);
    const zone =
      group.id === 'you'
        ? html`<p class="note" id="time-zone">Time zone: <b>${form.timeZone}</b>, your calendar's. Change it in Google Calendar's settings.</p>`
        : '';
    const webhook = group.id === 'twilio' ? webhookBlock(webhookUrl) : '';
    const summary =
      group.id === 'templates' && templates !== '' ? html`<p class="note" id="templates-summary">WhatsApp templates: ${templates}</p>` : '';
    return html`<fieldset id="group-${group.id}">
  <legend>${group.legend}</legend>
  ${zone}${summary}${fields.map(fieldBlock)}${webhook}
</fieldset>`;
  });
  return panelPage(
    'settings',
    html`<div role="tablist" aria-label="Settings and texts">
  <button type="button" role="tab" id="tab-settings" aria-controls="panel-settings" aria-selected="true">Settings</button>
  <button type="button" role="tab" id="tab-texts" aria-controls="panel-texts" aria-selected="false" tabindex="-1">Texts</button>
</div>
<section id="panel-settings" role="tabpanel" aria-labelledby="tab-settings">
<form id="settings-form" novalidate>
<h1>Settings</h1>
<p class="note">Each setting is checked as the app reads it; nothing is saved while one needs a change.</p>
${groups}
<div class="actions">
  <button type="submit" id="settings-save">Save settings</button>
  <p class="status" id="settings-status" role="status" aria-live="polite"></p>
</div>
</form>
</section>
${textsPanel()}`,
  );
}

/** The Texts tab's frame: the language picker and an empty list the browser fills from getTexts(). */
function textsPanel(): SafeHtml {
  return html`<section id="panel-texts" role="tabpanel" aria-labelledby="tab-texts" hidden>
<form id="texts-form" novalidate>
<h1>Texts</h1>
<p class="note">What attendees read, in each language. Change a text to use your own wording; empty it to go back to the default. Placeholders such as {title} are filled in when it is sent.</p>
<div class="field">
  <label for="texts-language">Language of the texts</label>
  <select id="texts-language" name="language" aria-describedby="texts-language-help">${LANGUAGE_CODES.map(
    (code) => html`<option value="${code}">${LANGUAGES[code].name} (${code})</option>`,
  )}</select>
  <p class="help" id="texts-language-help">In template mode, a changed message text needs "Create WhatsApp templates" again and WhatsApp's approval; the old template is used until then.</p>
</div>
<div id="texts-list"></div>
<div class="actions">
  <button type="submit" id="texts-save">Save texts</button>
  <p class="status" id="texts-status" role="status" aria-live="polite"></p>
</div>
</form>
</section>`;
}

export function healthDialog(): SafeHtml {
  return panelPage(
    'health',
    html`<h1>Health check</h1>
<p class="status" id="health-status" role="status" aria-live="polite"></p>
<ul class="checks" id="health-checks" aria-label="Checks"></ul>
<div class="actions"><button type="button" id="health-again">Check again</button></div>`,
  );
}

export function testMessageDialog(defaultPhone: string): SafeHtml {
  return panelPage(
    'test-message',
    html`<h1>Send a test message</h1>
<form id="test-form" novalidate>
  <div class="field">
    <label for="test-phone">WhatsApp number</label>
    <input id="test-phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" value="${defaultPhone}" placeholder="+4915123456789" aria-describedby="test-help test-status">
    <p class="help" id="test-help">A real WhatsApp goes to this number, as an announcement would (a template in template mode). With Twilio's sandbox, that phone must have joined it first.</p>
  </div>
  <div class="actions">
    <button type="submit" id="test-send">Send test message</button>
    <p class="status" id="test-status" role="status" aria-live="polite"></p>
  </div>
</form>`,
  );
}

export function templatesDialog(): SafeHtml {
  return panelPage(
    'templates',
    html`<h1>Create WhatsApp templates</h1>
<p>One template per message (booked, moved, cancelled, reminder with Confirm and Cancel buttons) in each of the 11 languages is created at Twilio and sent to WhatsApp for approval. Running it again reuses what exists. An attendee whose language has no approved template gets your language's. A text you changed is a new template: the approved one is used until WhatsApp approves the new one.</p>
<div class="actions">
  <button type="button" id="templates-create">Create or check templates</button>
  <p class="status" id="templates-status" role="status" aria-live="polite"></p>
</div>
<table id="templates-table" aria-label="Templates"></table>`,
  );
}
