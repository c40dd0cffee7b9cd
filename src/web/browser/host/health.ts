// The health-check dialog in the browser: runs checkHealth and lists each check, passed or failed, with its detail in words.
import { whileBusy } from '../busy';
import { byId, element } from './dom';
import { failureText } from '../failure';
import { ask } from './ask';
import type { HealthId } from '../../../domain/health';

/** What each check is about, for a host who does not know its id. */
const CHECK_NAMES: Record<HealthId, string> = {
  settings: 'Settings',
  'twilio-credentials': 'Twilio credentials',
  sender: 'WhatsApp sender',
  templates: 'WhatsApp templates',
  triggers: 'Triggers',
  'web-app': 'Web app',
  'last-sync': 'Last sync',
  failures: 'Failed or waiting messages',
  invited: 'Events you were invited to',
  spreadsheet: 'Spreadsheet',
  quota: 'Quota left today',
};

async function runChecks(list: HTMLElement, status: HTMLElement): Promise<void> {
  status.textContent = 'Checking…';
  list.replaceChildren();
  try {
    const report = await ask('checkHealth');
    const failed = report.checks.filter((check) => !check.ok).length;
    status.textContent =
      failed === 0 ? `All ${report.checks.length} checks passed.` : `${failed} of ${report.checks.length} checks failed.`;
    // Failed checks first, so the host sees what needs doing without scrolling.
    const ordered = [...report.checks.filter((check) => !check.ok), ...report.checks.filter((check) => check.ok)];
    list.replaceChildren(
      ...ordered.map((check) =>
        element(
          'li',
          { 'data-check': check.id, 'data-ok': String(check.ok) },
          element('span', { class: check.ok ? 'ok' : 'failed' }, check.ok ? '✓ OK' : '✗ Failed'),
          ' ',
          element('b', {}, CHECK_NAMES[check.id] ?? check.id),
          element('br'),
          check.detail,
        ),
      ),
    );
  } catch (error) {
    status.textContent = `The health check could not run: ${failureText(error)}`;
  }
}

export function startHealth(): void {
  const list = byId('health-checks');
  const status = byId('health-status');
  const again = byId<HTMLButtonElement>('health-again');
  again.addEventListener('click', () => void whileBusy(again, () => runChecks(list, status)));
  void whileBusy(again, () => runChecks(list, status));
}
