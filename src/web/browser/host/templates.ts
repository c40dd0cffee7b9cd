// The templates dialog in the browser: creates (or finds) the WhatsApp templates through createWhatsAppTemplates and shows each one's approval.
import { whileBusy } from '../busy';
import { byId, element } from './dom';
import { failureText } from '../failure';
import { ask } from './ask';

const STATUS_WORDS: Record<string, string> = {
  approved: 'approved: ready to send',
  pending: 'waiting for WhatsApp to approve it',
  received: 'waiting for WhatsApp to approve it',
  rejected: 'rejected by WhatsApp',
  missing: 'not created',
  unsubmitted: 'created, not yet submitted',
};

async function create(table: HTMLElement, status: HTMLElement): Promise<void> {
  status.textContent = 'Creating the templates…';
  try {
    const answer = await ask('createWhatsAppTemplates');
    const rows = answer.templates.map((template) =>
      element(
        'tr',
        { 'data-kind': template.kind, 'data-language': template.language },
        element('td', {}, template.kind),
        element('td', {}, template.language),
        element(
          'td',
          {},
          STATUS_WORDS[template.status] ?? template.status,
          template.error ? ` (${template.error})` : '',
          template.inUse ? `; the approved ${template.inUse} stays in use until WhatsApp approves this new wording` : '',
        ),
        element('td', {}, template.sid),
      ),
    );
    table.replaceChildren(
      element('tr', {}, element('th', {}, 'Kind'), element('th', {}, 'Language'), element('th', {}, 'Status'), element('th', {}, 'SID')),
      ...rows,
    );
    status.textContent = answer.ok
      ? `Done: ${answer.templates.length} templates, their SIDs saved in TEMPLATE_SIDS.`
      : `Not all templates are ready${answer.error ? `: ${answer.error}` : '.'}`;
  } catch (error) {
    status.textContent = `The templates could not be created: ${failureText(error)}`;
  }
}

export function startTemplates(): void {
  const button = byId<HTMLButtonElement>('templates-create');
  const table = byId('templates-table');
  const status = byId('templates-status');
  button.addEventListener('click', () => void whileBusy(button, () => create(table, status)));
}
