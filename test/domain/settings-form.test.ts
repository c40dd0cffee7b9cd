// The settings form and the runtime's parsers agree: every property the runtime reads has a field, and each field's errors come from the parsers.
import { BOOKING_PROP, parseBookingRules } from '../../src/domain/booking-rules';
import { PROP, TWILIO_SANDBOX_SENDER, messageModeProblem, parseSettings } from '../../src/domain/settings';
import { SETTING_FIELDS, STATE_PROPERTIES, planSettingsSave, settingsForm, settingsProblems } from '../../src/domain/settings-form';

const FALLBACKS = { webAppUrl: '', ownerEmail: 'host@example.com' };
const GOOD: Record<string, string> = {
  TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'secret-token',
  WHATSAPP_FROM: TWILIO_SANDBOX_SENDER,
  WEB_APP_URL: 'https://script.google.com/macros/s/abc/exec',
  LINK_SECRET: 'L'.repeat(43),
  WEBHOOK_KEY: 'W'.repeat(43),
  BOOKING_API_KEY: 'B'.repeat(43),
  OWNER_EMAIL: 'host@example.com',
  SYNC_TOKEN: 'token-1',
};

describe('the settings form', () => {
  test('has exactly one field for every property the runtime reads, state aside', () => {
    const read = [...Object.values(PROP), ...Object.values(BOOKING_PROP)].filter((name) => !STATE_PROPERTIES.includes(name));
    const fields = SETTING_FIELDS.map((field) => field.name);
    expect(new Set(fields).size).toBe(fields.length);
    expect([...fields].sort()).toEqual([...read].sort());
  });

  test('every field is in a known group, with a label and help', () => {
    for (const field of SETTING_FIELDS) {
      expect(field.label.length).toBeGreaterThan(2);
      expect(field.help.length).toBeGreaterThan(10);
      expect(['twilio', 'templates', 'you', 'calendar', 'pages', 'reminders', 'invitations']).toContain(field.group);
    }
  });

  test('secrets are exactly the auth token, API key secret, link secret, webhook key and booking key', () => {
    expect(SETTING_FIELDS.filter((field) => field.secret).map((field) => field.name)).toEqual([
      'TWILIO_AUTH_TOKEN',
      'TWILIO_API_KEY_SECRET',
      'WEBHOOK_KEY',
      'LINK_SECRET',
      'BOOKING_API_KEY',
    ]);
  });

  test('blanks secrets and says whether one is stored', () => {
    const form = settingsForm({ ...GOOD, TWILIO_API_KEY_SECRET: '' }, 'Europe/Berlin');
    const byName = Object.fromEntries(form.fields.map((field) => [field.name, field]));
    expect(byName.TWILIO_AUTH_TOKEN).toMatchObject({ value: '', secret: true, set: true });
    expect(byName.TWILIO_API_KEY_SECRET).toMatchObject({ value: '', secret: true, set: false });
    expect(byName.TWILIO_ACCOUNT_SID).toMatchObject({ value: GOOD.TWILIO_ACCOUNT_SID, secret: false, set: true, group: 'twilio' });
    expect(byName.HOST_NAME).toMatchObject({ value: '', set: false, group: 'you' });
    expect(JSON.stringify(form)).not.toContain('secret-token');
    expect(JSON.stringify(form)).not.toContain('LLLL');
    expect(form.timeZone).toBe('Europe/Berlin');
  });

  test('each field example is accepted by the runtime parsers', () => {
    for (const field of SETTING_FIELDS) {
      if (field.example === '') continue;
      const props = {
        ...GOOD,
        MESSAGE_MODE: 'template',
        TEMPLATE_SIDS: JSON.stringify({
          scheduled: `HX${'2'.repeat(32)}`,
          rescheduled: `HX${'2'.repeat(32)}`,
          cancelled: `HX${'2'.repeat(32)}`,
        }),
        [field.name]: field.example,
      };
      expect(settingsProblems(props, FALLBACKS)).toEqual({});
    }
  });
});

describe('settingsProblems', () => {
  test('a good store has none', () => {
    expect(settingsProblems(GOOD, FALLBACKS)).toEqual({});
  });

  test('gives each wrong field its own message, keyed by property, in the words of the runtime parser', () => {
    const props = { ...GOOD, TWILIO_ACCOUNT_SID: 'AC123', DEFAULT_COUNTRY: 'Germany', SLOT_STEP_MINUTES: 'ten', COLOR_FAILED: '12' };
    const problems = settingsProblems(props, FALLBACKS);
    expect(problems).toEqual({
      TWILIO_ACCOUNT_SID: 'must be AC followed by 32 hex digits',
      DEFAULT_COUNTRY: '"GERMANY" must be a two-letter country code such as DE or US',
      COLOR_FAILED: '"12" is not a Google Calendar event colour id (1 to 11)',
      SLOT_STEP_MINUTES: '"ten" must be a whole number from 5 to 1440',
    });
    // The same words the runtime throws.
    expect(() => parseSettings(props, FALLBACKS)).toThrow('Setting TWILIO_ACCOUNT_SID: must be AC followed by 32 hex digits');
    expect(() => parseBookingRules(props)).toThrow('Setting SLOT_STEP_MINUTES: "ten" must be a whole number from 5 to 1440');
  });

  test('a missing required setting is named', () => {
    const { TWILIO_AUTH_TOKEN: _, WHATSAPP_FROM: __, ...props } = GOOD;
    expect(settingsProblems(props, FALLBACKS)).toEqual({
      TWILIO_AUTH_TOKEN: expect.stringContaining('missing'),
      WHATSAPP_FROM: expect.stringContaining('missing'),
    });
  });

  test('template mode needs the template SIDs', () => {
    expect(settingsProblems({ ...GOOD, MESSAGE_MODE: 'template' }, FALLBACKS)).toEqual({
      TEMPLATE_SIDS: expect.stringContaining('missing'),
    });
  });

  test('refuses text mode with a production sender, and only then', () => {
    const production = 'whatsapp:+4930123456789';
    expect(settingsProblems({ ...GOOD, WHATSAPP_FROM: production }, FALLBACKS)).toEqual({
      MESSAGE_MODE: expect.stringContaining('63016'),
    });
    expect(messageModeProblem({ messageMode: 'text', whatsappFrom: TWILIO_SANDBOX_SENDER })).toBeNull();
    expect(messageModeProblem({ messageMode: 'template', whatsappFrom: production })).toBeNull();
  });

  test('refuses short or spaced keys', () => {
    expect(settingsProblems({ ...GOOD, LINK_SECRET: 'short', WEBHOOK_KEY: `${'x'.repeat(40)} y` }, FALLBACKS)).toEqual({
      LINK_SECRET: 'must be at least 32 characters long (5 given), so nobody can guess it',
      WEBHOOK_KEY: 'must not contain spaces',
    });
  });
});

describe('planSettingsSave', () => {
  test('writes only what changed, trimmed; a blank secret keeps the stored one; a blank setting goes back to its default', () => {
    const stored = { ...GOOD, HOST_NAME: 'Alex', REMINDER_OFFSETS: '2h' };
    const plan = planSettingsSave(
      stored,
      { HOST_NAME: '  Dr. Alex Morgan ', TWILIO_AUTH_TOKEN: '', REMINDER_OFFSETS: '', DEFAULT_COUNTRY: '' },
      FALLBACKS,
    );
    expect(plan).toEqual({
      ok: true,
      change: { set: { HOST_NAME: 'Dr. Alex Morgan' }, remove: ['REMINDER_OFFSETS'], saved: ['HOST_NAME', 'REMINDER_OFFSETS'] },
    });
  });

  test('refuses unknown names, state and non-text values, changing nothing', () => {
    const plan = planSettingsSave(GOOD, { HOST_NAME: 'Alex', SYNC_TOKEN: 'x', NOPE: 'y', HORIZON_DAYS: 5 }, FALLBACKS);
    expect(plan).toEqual({
      ok: false,
      errors: {
        SYNC_TOKEN: 'is not a setting this form can change',
        NOPE: 'is not a setting this form can change',
        HORIZON_DAYS: 'must be text',
      },
    });
  });

  test('one refused value refuses the whole save', () => {
    const plan = planSettingsSave(GOOD, { HOST_NAME: 'Alex', HORIZON_DAYS: '90' }, FALLBACKS);
    expect(plan).toEqual({ ok: false, errors: { HORIZON_DAYS: '90 must be from 1 to 60' } });
  });
});

describe('settingsProblems past the first problem', () => {
  test('a field whose example does not help either stops the check there, named once', () => {
    // The organizer falls back to the owner's address, so clearing the field brings the same problem back.
    expect(settingsProblems({ ...GOOD, LINK_SECRET: 'short' }, { webAppUrl: '', ownerEmail: 'host' })).toEqual({
      ORGANIZER_EMAIL: '"host" is not an email address',
    });
  });

  test('a fault that is no bad setting is thrown, not shown as one', () => {
    expect(() => settingsProblems(GOOD, undefined as unknown as { webAppUrl: string; ownerEmail: string })).toThrow(TypeError);
  });
});
