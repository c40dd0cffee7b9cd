// Table tests of every setting's parser: good values, each kind of bad value, and the exact message naming the property.
import {
  messageModeProblem,
  parseSettings,
  parseTwilioCredentials,
  safeTimeZone,
  SettingsError,
  TWILIO_SANDBOX_SENDER,
} from '../../src/domain/settings';

const ACCOUNT = `AC${'0123456789abcdef'.repeat(2)}`;
const API_KEY = `SK${'ABCDEF0123456789'.repeat(2)}`;
const SERVICE = `MG${'a'.repeat(32)}`;
const HX = (digit: string) => `HX${digit.repeat(32)}`;
const ALL_TEMPLATES = JSON.stringify({ scheduled: HX('1'), rescheduled: HX('2'), cancelled: HX('3') });
const FALLBACKS = { webAppUrl: 'https://script.google.com/macros/s/abc/exec', ownerEmail: 'owner@example.com' };
const BASE: Record<string, string> = {
  TWILIO_ACCOUNT_SID: ACCOUNT,
  TWILIO_AUTH_TOKEN: 'token-1',
  WHATSAPP_FROM: TWILIO_SANDBOX_SENDER,
};

function parse(overrides: Record<string, string | undefined>, fallbacks = FALLBACKS) {
  const props: Record<string, string> = { ...BASE };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete props[name];
    else props[name] = value;
  }
  return parseSettings(props, fallbacks);
}

function problemOf(run: () => unknown): { property: string; problem: string; message: string; name: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { property: error.property, problem: error.problem, message: error.message, name: error.name };
  }
}

describe('parseSettings with only the required settings', () => {
  it('fills every default', () => {
    expect(parse({})).toEqual({
      twilio: { accountSid: ACCOUNT, username: ACCOUNT, password: 'token-1' },
      whatsappFrom: TWILIO_SANDBOX_SENDER,
      messagingServiceSid: '',
      messageMode: 'text',
      templates: {},
      pendingTemplates: {},
      defaultCountry: '',
      hostName: 'owner@example.com',
      webAppUrl: 'https://script.google.com/macros/s/abc/exec',
      calendarId: 'primary',
      colorDelivered: '10',
      colorFailed: '11',
      locale: 'en',
      language: 'en',
      languageByCountry: true,
      reminderOffsets: [1440, 120],
      colorConfirmed: '9',
      hostWhatsapp: '',
      verifyInbound: true,
      invitationMode: 'google',
      invitationSenderName: 'owner@example.com',
      organizerEmail: 'owner@example.com',
    });
  });
});

describe('each setting, good values', () => {
  it.each<[string, Record<string, string | undefined>, Record<string, unknown>]>([
    [
      'trimmed account SID and token',
      { TWILIO_ACCOUNT_SID: ` ${ACCOUNT} `, TWILIO_AUTH_TOKEN: ' token-1\n' },
      { twilio: { accountSid: ACCOUNT, username: ACCOUNT, password: 'token-1' } },
    ],
    [
      'an API key instead of the token',
      { TWILIO_AUTH_TOKEN: undefined, TWILIO_API_KEY_SID: API_KEY, TWILIO_API_KEY_SECRET: 'secret-2' },
      { twilio: { accountSid: ACCOUNT, username: API_KEY, password: 'secret-2' } },
    ],
    [
      'an API key wins over the token',
      { TWILIO_API_KEY_SID: API_KEY, TWILIO_API_KEY_SECRET: 'secret-2' },
      { twilio: { accountSid: ACCOUNT, username: API_KEY, password: 'secret-2' } },
    ],
    [
      'a messaging service without a sender',
      { WHATSAPP_FROM: '', TWILIO_MESSAGING_SERVICE_SID: SERVICE },
      { whatsappFrom: '', messagingServiceSid: SERVICE },
    ],
    [
      'a sender and a messaging service',
      { TWILIO_MESSAGING_SERVICE_SID: ` ${SERVICE} ` },
      { whatsappFrom: TWILIO_SANDBOX_SENDER, messagingServiceSid: SERVICE },
    ],
    ['the shortest sender number', { WHATSAPP_FROM: 'whatsapp:+1234567' }, { whatsappFrom: 'whatsapp:+1234567' }],
    ['the longest sender number', { WHATSAPP_FROM: 'whatsapp:+123456789012345' }, { whatsappFrom: 'whatsapp:+123456789012345' }],
    [
      'template mode with all three templates',
      { MESSAGE_MODE: 'template', TEMPLATE_SIDS: ALL_TEMPLATES },
      { messageMode: 'template', templates: { scheduled: { en: HX('1') }, rescheduled: { en: HX('2') }, cancelled: { en: HX('3') } } },
    ],
    [
      'text mode with one template',
      { MESSAGE_MODE: 'text', TEMPLATE_SIDS: JSON.stringify({ reminder: HX('a') }) },
      { messageMode: 'text', templates: { reminder: { en: HX('a') } } },
    ],
    [
      'upper-case hex in a Content SID',
      { TEMPLATE_SIDS: JSON.stringify({ scheduled: HX('F') }) },
      { templates: { scheduled: { en: HX('F') } } },
    ],
    ['a lower-case country', { DEFAULT_COUNTRY: ' de ' }, { defaultCountry: 'DE' }],
    [
      'a web app URL with a query',
      { WEB_APP_URL: 'https://script.google.com/macros/s/xyz/exec?page=1' },
      { webAppUrl: 'https://script.google.com/macros/s/xyz/exec' },
    ],
    ['a plain http URL', { WEB_APP_URL: 'http://localhost:8080/exec' }, { webAppUrl: 'http://localhost:8080/exec' }],
    ['a locale with a region', { LOCALE: 'de-DE' }, { locale: 'de-DE' }],
    ['a language with a region', { LANGUAGE: 'PT-br' }, { language: 'pt' }],
    ['language by country off', { LANGUAGE_BY_COUNTRY: 'OFF' }, { languageByCountry: false }],
    ['language by country on', { LANGUAGE_BY_COUNTRY: ' On ' }, { languageByCountry: true }],
    ['reminders off', { REMINDER_OFFSETS: 'off' }, { reminderOffsets: [] }],
    ['reminders set empty', { REMINDER_OFFSETS: '' }, { reminderOffsets: [] }],
    ['other reminders', { REMINDER_OFFSETS: '30m, 3d' }, { reminderOffsets: [4320, 30] }],
    ['a host number written loosely', { HOST_WHATSAPP: ' whatsapp:+49 (151) 234-56789 ' }, { hostWhatsapp: '+4915123456789' }],
    ['inbound verification off', { VERIFY_INBOUND: 'Off' }, { verifyInbound: false }],
    ['inbound verification on', { VERIFY_INBOUND: 'ON' }, { verifyInbound: true }],
    ['invitations by email', { INVITATION_MODE: ' EMAIL ' }, { invitationMode: 'email' }],
    ['invitations off', { INVITATION_MODE: 'off' }, { invitationMode: 'off' }],
    ['invitations by Google', { INVITATION_MODE: 'Google' }, { invitationMode: 'google' }],
    ['an organizer', { ORGANIZER_EMAIL: 'desk@clinic.example' }, { organizerEmail: 'desk@clinic.example' }],
    ['a host name', { HOST_NAME: 'Dr. Rivera' }, { hostName: 'Dr. Rivera', invitationSenderName: 'Dr. Rivera' }],
    [
      'a sender name',
      { HOST_NAME: 'Dr. Rivera', INVITATION_SENDER_NAME: 'Rivera Clinic' },
      { hostName: 'Dr. Rivera', invitationSenderName: 'Rivera Clinic' },
    ],
    ['a calendar', { CALENDAR_ID: ' team@group.calendar.google.com ' }, { calendarId: 'team@group.calendar.google.com' }],
    [
      'colours at both ends',
      { COLOR_DELIVERED: '1', COLOR_FAILED: '11', COLOR_CONFIRMED: ' 5 ' },
      { colorDelivered: '1', colorFailed: '11', colorConfirmed: '5' },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(parse(overrides)).toMatchObject(expected);
  });

  it.each(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'])('takes calendar colour %s for every colour setting', (id) => {
    expect(parse({ COLOR_DELIVERED: id, COLOR_FAILED: id, COLOR_CONFIRMED: id })).toMatchObject({
      colorDelivered: id,
      colorFailed: id,
      colorConfirmed: id,
    });
  });

  it('falls back to "your host" and no organizer without an owner email', () => {
    expect(parse({}, { ...FALLBACKS, ownerEmail: '' })).toMatchObject({
      hostName: 'your host',
      invitationSenderName: 'your host',
      organizerEmail: '',
    });
  });
});

const NOT_ACCOUNT = 'must be AC followed by 32 hex digits';
const NOT_SENDER = (value: string) => `"${value}" must look like whatsapp:+14155238886`;
const NO_HOST_SID = (kind: string) => `has no Content SID for "${kind}" in en, your LANGUAGE: every language falls back to it`;
const NOT_CONTENT_SID = (kind: string) => `"${kind}" must be a Content SID (HX followed by 32 hex digits)`;
const NOT_OBJECT = 'must be a JSON object of message kind to Content SID, or to an object of language to Content SID';
const NOT_COUNTRY = (value: string) => `"${value}" must be a two-letter country code such as DE or US`;
const NO_URL = 'missing; deploy the web app and set its /exec URL';
const NOT_HOST_NUMBER = (value: string) => `"${value}" must be a number in international form, e.g. +4915123456789`;
const NOT_COLOUR = (value: string) => `"${value}" is not a Google Calendar event colour id (1 to 11)`;

describe('each setting, each kind of bad value, with the exact message', () => {
  it.each<[string, Record<string, string | undefined>, string, string]>([
    ['no account SID', { TWILIO_ACCOUNT_SID: undefined }, 'TWILIO_ACCOUNT_SID', 'missing; set it to your Twilio Account SID (AC…)'],
    ['a blank account SID', { TWILIO_ACCOUNT_SID: '  ' }, 'TWILIO_ACCOUNT_SID', 'missing; set it to your Twilio Account SID (AC…)'],
    ['a short account SID', { TWILIO_ACCOUNT_SID: 'AC123' }, 'TWILIO_ACCOUNT_SID', NOT_ACCOUNT],
    ['a long account SID', { TWILIO_ACCOUNT_SID: `${ACCOUNT}0` }, 'TWILIO_ACCOUNT_SID', NOT_ACCOUNT],
    ['an account SID with a prefix', { TWILIO_ACCOUNT_SID: `x${ACCOUNT}` }, 'TWILIO_ACCOUNT_SID', NOT_ACCOUNT],
    ['an account SID of non-hex digits', { TWILIO_ACCOUNT_SID: `AC${'g'.repeat(32)}` }, 'TWILIO_ACCOUNT_SID', NOT_ACCOUNT],
    ['an API key SID as account', { TWILIO_ACCOUNT_SID: API_KEY }, 'TWILIO_ACCOUNT_SID', NOT_ACCOUNT],
    [
      'a bad API key SID',
      { TWILIO_API_KEY_SID: `SK${'z'.repeat(32)}`, TWILIO_API_KEY_SECRET: 's' },
      'TWILIO_API_KEY_SID',
      'must be SK followed by 32 hex digits',
    ],
    [
      'an account SID as API key',
      { TWILIO_API_KEY_SID: ACCOUNT, TWILIO_API_KEY_SECRET: 's' },
      'TWILIO_API_KEY_SID',
      'must be SK followed by 32 hex digits',
    ],
    [
      'an API key SID with a prefix',
      { TWILIO_API_KEY_SID: `x${API_KEY}`, TWILIO_API_KEY_SECRET: 's' },
      'TWILIO_API_KEY_SID',
      'must be SK followed by 32 hex digits',
    ],
    [
      'an API key SID with a tail',
      { TWILIO_API_KEY_SID: `${API_KEY}0`, TWILIO_API_KEY_SECRET: 's' },
      'TWILIO_API_KEY_SID',
      'must be SK followed by 32 hex digits',
    ],
    [
      'an API key without its secret',
      { TWILIO_API_KEY_SID: API_KEY },
      'TWILIO_API_KEY_SECRET',
      'missing; set it to the secret of that API key',
    ],
    [
      'no token and no API key',
      { TWILIO_AUTH_TOKEN: undefined },
      'TWILIO_AUTH_TOKEN',
      'missing; set it to your Twilio auth token (or set TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET)',
    ],
    [
      'no sender and no service',
      { WHATSAPP_FROM: ' ' },
      'WHATSAPP_FROM',
      'missing; set it to your WhatsApp sender, e.g. whatsapp:+14155238886 (or set TWILIO_MESSAGING_SERVICE_SID)',
    ],
    ['a sender without the whatsapp: prefix', { WHATSAPP_FROM: '+14155238886' }, 'WHATSAPP_FROM', NOT_SENDER('+14155238886')],
    ['a sender starting with 0', { WHATSAPP_FROM: 'whatsapp:+01415523888' }, 'WHATSAPP_FROM', NOT_SENDER('whatsapp:+01415523888')],
    ['a sender too short', { WHATSAPP_FROM: 'whatsapp:+123456' }, 'WHATSAPP_FROM', NOT_SENDER('whatsapp:+123456')],
    ['a sender too long', { WHATSAPP_FROM: 'whatsapp:+1234567890123456' }, 'WHATSAPP_FROM', NOT_SENDER('whatsapp:+1234567890123456')],
    [
      'a sender with text around it',
      { WHATSAPP_FROM: 'my whatsapp:+14155238886' },
      'WHATSAPP_FROM',
      NOT_SENDER('my whatsapp:+14155238886'),
    ],
    ['a sender with a tail', { WHATSAPP_FROM: 'whatsapp:+14155238886x' }, 'WHATSAPP_FROM', NOT_SENDER('whatsapp:+14155238886x')],
    [
      'a bad messaging service',
      { TWILIO_MESSAGING_SERVICE_SID: 'MG12' },
      'TWILIO_MESSAGING_SERVICE_SID',
      'must be MG followed by 32 hex digits',
    ],
    [
      'a messaging service with a prefix',
      { TWILIO_MESSAGING_SERVICE_SID: `x${SERVICE}` },
      'TWILIO_MESSAGING_SERVICE_SID',
      'must be MG followed by 32 hex digits',
    ],
    [
      'a messaging service with a tail',
      { TWILIO_MESSAGING_SERVICE_SID: `${SERVICE}0` },
      'TWILIO_MESSAGING_SERVICE_SID',
      'must be MG followed by 32 hex digits',
    ],
    ['an unknown message mode', { MESSAGE_MODE: 'sms' }, 'MESSAGE_MODE', '"sms" must be "text" or "template"'],
    ['a mode in capitals', { MESSAGE_MODE: 'Template' }, 'MESSAGE_MODE', '"Template" must be "text" or "template"'],
    [
      'template mode without templates',
      { MESSAGE_MODE: 'template' },
      'TEMPLATE_SIDS',
      'missing; template mode needs {"scheduled":{"en":"HX…"},"rescheduled":{"en":"HX…"},"cancelled":{"en":"HX…"}} (run "Create WhatsApp templates")',
    ],
    ['templates that are not JSON', { TEMPLATE_SIDS: '{scheduled:' }, 'TEMPLATE_SIDS', 'is not valid JSON'],
    ['templates as an array', { TEMPLATE_SIDS: `["${HX('1')}"]` }, 'TEMPLATE_SIDS', NOT_OBJECT],
    ['templates as null', { TEMPLATE_SIDS: 'null' }, 'TEMPLATE_SIDS', NOT_OBJECT],
    ['templates as a string', { TEMPLATE_SIDS: `"${HX('1')}"` }, 'TEMPLATE_SIDS', NOT_OBJECT],
    ['templates as a number', { TEMPLATE_SIDS: '5' }, 'TEMPLATE_SIDS', NOT_OBJECT],
    ['a template that is a number', { TEMPLATE_SIDS: '{"scheduled":5}' }, 'TEMPLATE_SIDS', NOT_CONTENT_SID('scheduled')],
    // A list of one SID reads as that SID when turned into text: only the type check refuses it.
    [
      'a template that is a list of one SID',
      { TEMPLATE_SIDS: JSON.stringify({ scheduled: [HX('1')] }) },
      'TEMPLATE_SIDS',
      NOT_CONTENT_SID('scheduled'),
    ],
    [
      'a language template that is a list of one SID',
      { TEMPLATE_SIDS: JSON.stringify({ scheduled: { en: [HX('1')] } }) },
      'TEMPLATE_SIDS',
      NOT_CONTENT_SID('scheduled.en'),
    ],
    ['a template SID too short', { TEMPLATE_SIDS: '{"cancelled":"HX12"}' }, 'TEMPLATE_SIDS', NOT_CONTENT_SID('cancelled')],
    [
      'a template SID with a tail',
      { TEMPLATE_SIDS: JSON.stringify({ reminder: `${HX('1')}0` }) },
      'TEMPLATE_SIDS',
      NOT_CONTENT_SID('reminder'),
    ],
    [
      'a template SID with a prefix',
      { TEMPLATE_SIDS: JSON.stringify({ reminder: `x${HX('1')}` }) },
      'TEMPLATE_SIDS',
      NOT_CONTENT_SID('reminder'),
    ],
    [
      'template mode without the cancellation',
      { MESSAGE_MODE: 'template', TEMPLATE_SIDS: JSON.stringify({ scheduled: HX('1'), rescheduled: HX('2') }) },
      'TEMPLATE_SIDS',
      NO_HOST_SID('cancelled'),
    ],
    [
      'template mode without the booking',
      { MESSAGE_MODE: 'template', TEMPLATE_SIDS: JSON.stringify({ rescheduled: HX('2'), cancelled: HX('3') }) },
      'TEMPLATE_SIDS',
      NO_HOST_SID('scheduled'),
    ],
    [
      'template mode without the move',
      { MESSAGE_MODE: 'template', TEMPLATE_SIDS: JSON.stringify({ scheduled: HX('1'), cancelled: HX('3') }) },
      'TEMPLATE_SIDS',
      NO_HOST_SID('rescheduled'),
    ],
    ['a three-letter country', { DEFAULT_COUNTRY: 'deu' }, 'DEFAULT_COUNTRY', NOT_COUNTRY('DEU')],
    ['a country with a digit', { DEFAULT_COUNTRY: 'D1' }, 'DEFAULT_COUNTRY', NOT_COUNTRY('D1')],
    ['a one-letter country', { DEFAULT_COUNTRY: 'D' }, 'DEFAULT_COUNTRY', NOT_COUNTRY('D')],
    ['a web app URL of another scheme', { WEB_APP_URL: 'ftp://example.com/exec' }, 'WEB_APP_URL', NO_URL],
    ['a web app URL with nothing after the scheme', { WEB_APP_URL: 'https://' }, 'WEB_APP_URL', NO_URL],
    ['a web app URL with a space', { WEB_APP_URL: 'https://example.com/a b' }, 'WEB_APP_URL', NO_URL],
    ['a web app URL with text before it', { WEB_APP_URL: 'see https://example.com/exec' }, 'WEB_APP_URL', NO_URL],
    ['a locale that is no tag', { LOCALE: 'en_US' }, 'LOCALE', '"en_US" is not a language tag such as en or en-US'],
    ['a language without a catalogue', { LANGUAGE: 'xx' }, 'LANGUAGE', '"xx" must be one of en, es, pt, de, fr, it, nl, tr, id, hi, ar'],
    ['language by country as yes', { LANGUAGE_BY_COUNTRY: 'Yes' }, 'LANGUAGE_BY_COUNTRY', '"yes" must be "on" or "off"'],
    [
      'a reminder too soon',
      { REMINDER_OFFSETS: '24h,3m' },
      'REMINDER_OFFSETS',
      '"3m" must be between 5m and 7d, comma-separated, or "off"',
    ],
    [
      'a reminder in weeks',
      { REMINDER_OFFSETS: '1w' },
      'REMINDER_OFFSETS',
      '"1w" is not an offset such as 24h, 2h, 30m or 1d, comma-separated, or "off"',
    ],
    ['a national host number', { HOST_WHATSAPP: '0151 2345 6789' }, 'HOST_WHATSAPP', NOT_HOST_NUMBER('015123456789')],
    ['a host number starting +0', { HOST_WHATSAPP: '+015123456789' }, 'HOST_WHATSAPP', NOT_HOST_NUMBER('+015123456789')],
    ['a host number too short', { HOST_WHATSAPP: '+123456' }, 'HOST_WHATSAPP', NOT_HOST_NUMBER('+123456')],
    ['a host number too long', { HOST_WHATSAPP: '+1234567890123456' }, 'HOST_WHATSAPP', NOT_HOST_NUMBER('+1234567890123456')],
    ['a host number with letters', { HOST_WHATSAPP: '+49151abc4567' }, 'HOST_WHATSAPP', NOT_HOST_NUMBER('+49151abc4567')],
    ['a host number with text before it', { HOST_WHATSAPP: 'x+4915123456789' }, 'HOST_WHATSAPP', NOT_HOST_NUMBER('x+4915123456789')],
    ['a host number with a tail', { HOST_WHATSAPP: '+4915123456789x' }, 'HOST_WHATSAPP', NOT_HOST_NUMBER('+4915123456789x')],
    [
      'a host number with whatsapp: after it',
      { HOST_WHATSAPP: '+4915123456789whatsapp:' },
      'HOST_WHATSAPP',
      NOT_HOST_NUMBER('+4915123456789whatsapp:'),
    ],
    ['inbound verification as true', { VERIFY_INBOUND: 'true' }, 'VERIFY_INBOUND', '"true" must be "on" or "off"'],
    ['an unknown invitation mode', { INVITATION_MODE: 'Outlook' }, 'INVITATION_MODE', '"outlook" must be "google", "email" or "off"'],
    [
      'an organizer without @',
      { ORGANIZER_EMAIL: 'desk.clinic.example' },
      'ORGANIZER_EMAIL',
      '"desk.clinic.example" is not an email address',
    ],
    [
      'an organizer with a name',
      { ORGANIZER_EMAIL: 'Desk <desk@clinic.example>' },
      'ORGANIZER_EMAIL',
      '"Desk <desk@clinic.example>" is not an email address',
    ],
    ['an organizer without a domain dot', { ORGANIZER_EMAIL: 'desk@clinic' }, 'ORGANIZER_EMAIL', '"desk@clinic" is not an email address'],
    [
      'an organizer after a bracket',
      { ORGANIZER_EMAIL: '<desk@clinic.example' },
      'ORGANIZER_EMAIL',
      '"<desk@clinic.example" is not an email address',
    ],
    [
      'an organizer before a bracket',
      { ORGANIZER_EMAIL: 'desk@clinic.example>' },
      'ORGANIZER_EMAIL',
      '"desk@clinic.example>" is not an email address',
    ],
    ['a delivered colour of 12', { COLOR_DELIVERED: '12' }, 'COLOR_DELIVERED', NOT_COLOUR('12')],
    ['a failed colour of 0', { COLOR_FAILED: '0' }, 'COLOR_FAILED', NOT_COLOUR('0')],
    ['a confirmed colour by name', { COLOR_CONFIRMED: 'red' }, 'COLOR_CONFIRMED', NOT_COLOUR('red')],
  ])('%s', (_name, overrides, property, problem) => {
    expect(problemOf(() => parse(overrides))).toEqual({
      property,
      problem,
      message: `Setting ${property}: ${problem}`,
      name: 'SettingsError',
    });
  });

  it('has no web app URL when neither the setting nor the deployment gives one', () => {
    expect(problemOf(() => parse({}, { ...FALLBACKS, webAppUrl: '' }))?.problem).toBe(NO_URL);
  });

  it('reads the Twilio credentials alone, before the rest is valid', () => {
    expect(parseTwilioCredentials({ TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: 't', WHATSAPP_FROM: 'nonsense' })).toEqual({
      accountSid: ACCOUNT,
      username: ACCOUNT,
      password: 't',
    });
  });
});

describe('messageModeProblem', () => {
  it.each([
    ['text', TWILIO_SANDBOX_SENDER, null],
    ['template', TWILIO_SANDBOX_SENDER, null],
    ['template', 'whatsapp:+4915123456789', null],
    [
      'text',
      'whatsapp:+4915123456789',
      `"text" works only with Twilio's sandbox sender whatsapp:+14155238886: WhatsApp refuses free text (error 63016) to anyone who has not written to you in the last 24 hours. Use "template" with your own sender.`,
    ],
  ] as const)('%s mode from %s → %j', (messageMode, whatsappFrom, expected) => {
    expect(messageModeProblem({ messageMode, whatsappFrom })).toBe(expected);
  });
});

describe('safeTimeZone', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['Mars/Olympus', 'UTC'],
    ['', 'UTC'],
    [undefined, 'UTC'],
  ])('%j → %j', (zone, expected) => {
    expect(safeTimeZone(zone, 'UTC')).toBe(expected);
  });
});
