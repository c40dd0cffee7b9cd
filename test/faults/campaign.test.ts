// The fault campaign's own checks: a short campaign is clean, and each invariant notices a planted defect.
import { Sandbox } from '../../dev/sandbox';
import { encodeForm } from '../../dev/twilio/fake-twilio';
import { check, runCampaign } from './campaign';

const START = Date.UTC(2026, 0, 5, 8, 0, 0);

function campaign(changes: number) {
  const sandbox = new Sandbox({ now: START });
  const report = runCampaign({ seed: 7, changes, sandbox });
  return { sandbox, report };
}

/** Twilio takes one more message, as a resend by the product would. */
function resend(sandbox: Sandbox, sid: string): void {
  const message = sandbox.twilio.get(sid)!;
  const settings = sandbox.settings();
  sandbox.twilio.handle({
    url: `https://api.twilio.com/2010-04-01/Accounts/${settings.TWILIO_ACCOUNT_SID}/Messages.json`,
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${settings.TWILIO_ACCOUNT_SID}:${settings.TWILIO_AUTH_TOKEN}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    payload: encodeForm({ To: message.to, From: message.from ?? '', Body: message.body }),
  });
}

describe('the fault campaign', () => {
  const { sandbox, report } = campaign(60);

  it('runs its changes with faults and finds nothing wrong', () => {
    expect(report.changes).toBe(60);
    expect(report.faultsInjected).toBeGreaterThan(10);
    expect(report.messages).toBeGreaterThan(20);
    expect(report.violations).toEqual([]);
  });

  it('counts a message sent twice as a duplicate', () => {
    const events = (sandbox.twilio.messages() as Array<{ sid: string; body: string }>).filter((m) => m.body.startsWith('Your appointment'));
    resend(sandbox, events[0].sid);
    const model = report.model;
    expect(check(sandbox, model).duplicates).toBe(1);
  });

  it('counts a wrong colour and a lost row', () => {
    const model = report.model;
    const live = model.find((event) => !event.cancelled && event.phones.length > 0)!;
    const colour = (sandbox.event(live.id) as { colorId?: string }).colorId;
    sandbox.runtime.calendar.patchEvent('primary', live.id, { colorId: colour === '10' ? '11' : '10' });
    expect(check(sandbox, model).wrongColours).toBeGreaterThanOrEqual(1);
    const header = (sandbox.sheet('Appointments') as string[][])[0];
    const sheet = sandbox.runtime.spreadsheet.spreadsheet.findSheet('Appointments')!;
    const rows = sandbox.sheet('Appointments') as string[][];
    const index = rows.findIndex((row) => row[header.indexOf('eventId')] === live.id);
    sheet.write(index + 1, header.indexOf('key') + 1, 'gone');
    expect(check(sandbox, model).lostRows).toBeGreaterThanOrEqual(1);
  });
});
