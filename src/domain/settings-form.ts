// The host's settings form: which script properties a host sets, their groups, labels and help, and their validation by the runtime's own parsers.
import { BOOKING_PROP, MAX_HORIZON_DAYS, parseBookingRules } from './booking-rules';
import { LANGUAGES, LANGUAGE_CODES } from './i18n/languages';
import { DEFAULT_REMINDER_OFFSETS } from './reminders';
import { PROP, SettingsError, TWILIO_SANDBOX_SENDER, messageModeProblem, parseSettings } from './settings';
import { DEFAULT_SLOT_RULES } from './slots';

export type SettingsGroupId = 'twilio' | 'templates' | 'you' | 'calendar' | 'pages' | 'reminders' | 'invitations';

export interface SettingsGroup {
  id: SettingsGroupId;
  legend: string;
}

export const SETTINGS_GROUPS: readonly SettingsGroup[] = [
  { id: 'twilio', legend: 'Twilio and sender' },
  { id: 'templates', legend: 'Templates' },
  { id: 'you', legend: 'You' },
  { id: 'calendar', legend: 'Calendar and colours' },
  { id: 'pages', legend: 'Attendee pages' },
  { id: 'reminders', legend: 'Reminders' },
  { id: 'invitations', legend: 'Invitations' },
];

export interface SettingOption {
  value: string;
  label: string;
}

export interface SettingField {
  name: string;
  label: string;
  group: SettingsGroupId;
  help: string;
  /** Never sent to the browser; a blank entry keeps the stored one. */
  secret: boolean;
  input: 'text' | 'textarea' | 'select' | 'number';
  /** For a select: the choices; '' stands for "not set" (the default). */
  options?: readonly SettingOption[];
  /** What applies while the field is blank. */
  placeholder?: string;
  /**
   * A value the runtime accepts: while one field is wrong, the others are checked as if it held
   * this, so each wrong field gets its own message in one save.
   */
  example: string;
}

/** Generated keys (link signing, webhooks) are random; a hand-typed replacement must be as hard to guess. */
export const MIN_KEY_LENGTH = 32;

const HEX32 = '0'.repeat(32);
const EXAMPLE_CONTENT_SID = `HX${HEX32}`;
// Stryker disable next-line StringLiteral: the default working hours have no weekend, so 'sun' and 'sat' are never looked up
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DEFAULT_WORKING_HOURS = JSON.stringify(
  Object.fromEntries(Object.entries(DEFAULT_SLOT_RULES.workingHours).map(([day, ranges]) => [DAY_KEYS[Number(day)], ranges])),
);

const COLOURS: readonly SettingOption[] = [
  ['1', 'Lavender'],
  ['2', 'Sage'],
  ['3', 'Grape'],
  ['4', 'Flamingo'],
  ['5', 'Banana'],
  ['6', 'Tangerine'],
  ['7', 'Peacock'],
  ['8', 'Graphite'],
  ['9', 'Blueberry'],
  ['10', 'Basil'],
  ['11', 'Tomato'],
].map(([value, label]) => ({ value, label: `${label} (${value})` }));

/** `fallback` is a colour id, 1 to 11; COLOURS lists them in that order. */
function colourChoices(fallback: string): readonly SettingOption[] {
  return [{ value: '', label: `Default: ${COLOURS[Number(fallback) - 1].label}` }, ...COLOURS];
}

function choices(defaultLabel: string, values: string[]): readonly SettingOption[] {
  return [{ value: '', label: defaultLabel }, ...values.map((value) => ({ value, label: value }))];
}

const KEY_EXAMPLE = 'k'.repeat(MIN_KEY_LENGTH);

export const SETTING_FIELDS: readonly SettingField[] = [
  {
    name: PROP.accountSid,
    label: 'Account SID',
    group: 'twilio',
    input: 'text',
    secret: false,
    help: 'In the Twilio Console under Account info; it starts with AC.',
    example: `AC${HEX32}`,
  },
  {
    name: PROP.authToken,
    label: 'Auth token',
    group: 'twilio',
    input: 'text',
    secret: true,
    help: 'In the Twilio Console under Account info. Not needed when you use an API key below.',
    example: KEY_EXAMPLE,
  },
  {
    name: PROP.apiKeySid,
    label: 'API key SID (optional)',
    group: 'twilio',
    input: 'text',
    secret: false,
    help: 'Instead of the auth token: an API key made under Account, API keys. It starts with SK.',
    example: '',
  },
  {
    name: PROP.apiKeySecret,
    label: 'API key secret',
    group: 'twilio',
    input: 'text',
    secret: true,
    help: 'Shown once by Twilio when you create the API key.',
    example: KEY_EXAMPLE,
  },
  {
    name: PROP.whatsappFrom,
    label: 'WhatsApp sender',
    group: 'twilio',
    input: 'text',
    secret: false,
    help: `Your WhatsApp sender as whatsapp:+number. Twilio's sandbox is ${TWILIO_SANDBOX_SENDER}; each attendee first sends it "join" and your sandbox code.`,
    example: TWILIO_SANDBOX_SENDER,
  },
  {
    name: PROP.messagingServiceSid,
    label: 'Messaging service SID (optional)',
    group: 'twilio',
    input: 'text',
    secret: false,
    help: 'Send through a Twilio messaging service (MG…) instead of the sender above.',
    example: '',
  },
  {
    name: PROP.verifyInbound,
    label: 'Check incoming messages with Twilio',
    group: 'twilio',
    input: 'select',
    secret: false,
    options: choices('Default: on', ['on', 'off']),
    help: 'Each incoming WhatsApp message is fetched back from Twilio before it is answered, so a forged post changes nothing.',
    example: '',
  },
  {
    name: PROP.webhookKey,
    label: 'Webhook key',
    group: 'twilio',
    input: 'text',
    secret: true,
    help: 'Part of the URL Twilio posts to (shown under Twilio and sender). Set up makes one; a new key means pasting the new URL into Twilio.',
    example: KEY_EXAMPLE,
  },
  {
    name: PROP.messageMode,
    label: 'Message mode',
    group: 'templates',
    input: 'select',
    secret: false,
    options: choices('Default: text', ['text', 'template']),
    help: "template: WhatsApp-approved templates, needed with your own sender. text: free text, only for Twilio's sandbox sender.",
    example: '',
  },
  {
    name: PROP.templates,
    label: 'Template SIDs',
    group: 'templates',
    input: 'textarea',
    secret: false,
    placeholder: '{"scheduled":"HX…","rescheduled":"HX…","cancelled":"HX…","reminder":"HX…"}',
    help: 'Filled in by Create WhatsApp templates: a JSON object of message kind to Content SID (HX…).',
    example: JSON.stringify({ scheduled: EXAMPLE_CONTENT_SID, rescheduled: EXAMPLE_CONTENT_SID, cancelled: EXAMPLE_CONTENT_SID }),
  },
  {
    name: PROP.hostName,
    label: 'Your name',
    group: 'you',
    input: 'text',
    secret: false,
    placeholder: 'your email address',
    help: 'How messages and pages name you, e.g. "Dr. Alex Morgan".',
    example: '',
  },
  {
    name: PROP.defaultCountry,
    label: 'Country',
    group: 'you',
    input: 'text',
    secret: false,
    placeholder: 'DE',
    help: 'Two letters, such as DE or US: a number written without +country code is read as a number of this country.',
    example: '',
  },
  {
    name: PROP.language,
    label: 'Your language',
    group: 'you',
    input: 'select',
    secret: false,
    options: [
      { value: '', label: 'English (default)' },
      ...LANGUAGE_CODES.filter((code) => code !== 'en').map((code) => ({ value: code, label: LANGUAGES[code].name })),
    ],
    help: 'What attendees read when neither they, the event nor their number say otherwise.',
    example: '',
  },
  {
    name: PROP.languageByCountry,
    label: "Attendee's language from their number",
    group: 'you',
    input: 'select',
    secret: false,
    options: [
      { value: '', label: 'On (default)' },
      { value: 'off', label: 'Off' },
    ],
    help: 'On: +34 numbers read Spanish, +49 German, +966 Arabic … until the attendee chooses (LANGUAGE xx in the chat, the picker on their page).',
    example: '',
  },
  {
    name: PROP.locale,
    label: 'Date format',
    group: 'you',
    input: 'text',
    secret: false,
    placeholder: 'en',
    help: 'A language tag such as en-US or de-CH: how dates are written in your language (other languages use their own).',
    example: '',
  },
  {
    name: PROP.hostWhatsapp,
    label: 'Your WhatsApp number (optional)',
    group: 'you',
    input: 'text',
    secret: false,
    placeholder: '+4915123456789',
    help: 'Questions attendees write are forwarded here; blank sends them to you by email.',
    example: '',
  },
  {
    name: PROP.calendarId,
    label: 'Calendar',
    group: 'calendar',
    input: 'text',
    secret: false,
    placeholder: 'primary',
    help: 'The calendar with your appointments (its id, from its settings). After a change, run Set up or repair.',
    example: '',
  },
  {
    name: PROP.colorDelivered,
    label: 'Colour when delivered',
    group: 'calendar',
    input: 'select',
    secret: false,
    options: colourChoices('10'),
    help: 'The event turns this colour once every attendee got the message.',
    example: '',
  },
  {
    name: PROP.colorFailed,
    label: 'Colour when it failed',
    group: 'calendar',
    input: 'select',
    secret: false,
    options: colourChoices('11'),
    help: 'The event turns this colour when a message could not be delivered; the reason is in its description.',
    example: '',
  },
  {
    name: PROP.colorConfirmed,
    label: 'Colour when confirmed',
    group: 'calendar',
    input: 'select',
    secret: false,
    options: colourChoices('9'),
    help: 'The event turns this colour once every attendee confirmed from a reminder.',
    example: '',
  },
  {
    name: PROP.webAppUrl,
    label: 'Web app URL',
    group: 'pages',
    input: 'text',
    secret: false,
    placeholder: 'https://script.google.com/macros/s/…/exec',
    help: 'The /exec URL of the web app deployment; the links in messages open it. npm run setup writes it.',
    example: 'https://script.google.com/macros/s/example/exec',
  },
  {
    name: BOOKING_PROP.workingHours,
    label: 'Working hours',
    group: 'pages',
    input: 'textarea',
    secret: false,
    placeholder: DEFAULT_WORKING_HOURS,
    help: 'When attendees may book or move to: a JSON object of weekday to ["from","to"] ranges, in your calendar\'s zone.',
    example: '',
  },
  {
    name: BOOKING_PROP.slotStep,
    label: 'Slot step (minutes)',
    group: 'pages',
    input: 'number',
    secret: false,
    placeholder: String(DEFAULT_SLOT_RULES.stepMinutes),
    help: 'Offered times start this many minutes apart.',
    example: '',
  },
  {
    name: BOOKING_PROP.buffer,
    label: 'Buffer (minutes)',
    group: 'pages',
    input: 'number',
    secret: false,
    placeholder: String(DEFAULT_SLOT_RULES.bufferMinutes),
    help: 'Free time kept before and after your other events.',
    example: '',
  },
  {
    name: BOOKING_PROP.minNotice,
    label: 'Minimum notice (minutes)',
    group: 'pages',
    input: 'number',
    secret: false,
    placeholder: String(DEFAULT_SLOT_RULES.minNoticeMinutes),
    help: 'No slot starts sooner than this from now.',
    example: '',
  },
  {
    name: BOOKING_PROP.horizon,
    label: 'Days ahead',
    group: 'pages',
    input: 'number',
    secret: false,
    placeholder: String(DEFAULT_SLOT_RULES.horizonDays),
    help: `How far ahead slots are offered, at most ${MAX_HORIZON_DAYS} days.`,
    example: '',
  },
  {
    name: BOOKING_PROP.bookingMinutes,
    label: 'Booking length (minutes)',
    group: 'pages',
    input: 'number',
    secret: false,
    placeholder: String(DEFAULT_SLOT_RULES.durationMinutes),
    help: 'How long an appointment booked on the booking page is.',
    example: '',
  },
  {
    name: BOOKING_PROP.extraCalendars,
    label: 'Other calendars that block slots',
    group: 'pages',
    input: 'text',
    secret: false,
    help: 'Calendar ids separated by commas whose busy times are also not offered.',
    example: '',
  },
  {
    name: BOOKING_PROP.maxOpenBookings,
    label: 'Open bookings per number',
    group: 'pages',
    input: 'number',
    secret: false,
    placeholder: '3',
    help: 'How many upcoming appointments one phone number may book on the booking page.',
    example: '',
  },
  {
    name: PROP.linkSecret,
    label: 'Link signing key',
    group: 'pages',
    input: 'text',
    secret: true,
    help: 'Signs the links in messages. Set up makes one; a new key makes every link already sent stop working.',
    example: KEY_EXAMPLE,
  },
  {
    name: PROP.bookingApiKey,
    label: 'Booking webhook key',
    group: 'pages',
    input: 'text',
    secret: true,
    help: 'What another booking tool sends as key= to create appointments. Set up makes one.',
    example: KEY_EXAMPLE,
  },
  {
    name: PROP.reminderOffsets,
    label: 'Reminders before the start',
    group: 'reminders',
    input: 'text',
    secret: false,
    placeholder: DEFAULT_REMINDER_OFFSETS,
    help: 'Times before each appointment, comma-separated, such as 24h,2h or 30m or 1d; "off" sends none.',
    example: '',
  },
  {
    name: PROP.invitationMode,
    label: 'Who sends invitations',
    group: 'invitations',
    input: 'select',
    secret: false,
    options: choices('Default: google', ['google', 'email', 'off']),
    help: 'For guests with an email address: google lets Google Calendar invite them; email mails invitations from this project; off sends none.',
    example: '',
  },
  {
    name: PROP.invitationSenderName,
    label: 'Sender name on invitations',
    group: 'invitations',
    input: 'text',
    secret: false,
    placeholder: 'your name',
    help: 'The name invitation mail comes from (email mode).',
    example: '',
  },
  {
    name: PROP.organizerEmail,
    label: 'Organizer email',
    group: 'invitations',
    input: 'text',
    secret: false,
    placeholder: 'your email address',
    help: 'Where replies to invitations go (email mode).',
    example: '',
  },
];

/** Script properties the project keeps for itself: never in the form. */
export const STATE_PROPERTIES: readonly string[] = [
  PROP.ownerEmail,
  PROP.syncToken,
  PROP.syncRequested,
  PROP.calendarTimeZone,
  PROP.spreadsheetId,
  PROP.ownWrites,
  PROP.templateStatus,
  PROP.lastInbound,
  PROP.lastSync,
  PROP.healthState,
];

const FIELDS_BY_NAME = new Map(SETTING_FIELDS.map((field) => [field.name, field]));

export function settingField(name: string): SettingField | undefined {
  return FIELDS_BY_NAME.get(name);
}

export interface FormField {
  name: string;
  label: string;
  group: SettingsGroupId;
  /** The stored text; always '' for a secret. */
  value: string;
  secret: boolean;
  /** Whether a value is stored (for a secret, the only thing the browser learns about it). */
  set: boolean;
  help: string;
  input: SettingField['input'];
  options?: readonly SettingOption[];
  placeholder?: string;
}

export interface SettingsForm {
  fields: FormField[];
  groups: readonly SettingsGroup[];
  /** The calendar's zone: times are shown in it; it is changed in Google Calendar, not here. */
  timeZone: string;
}

/** The form as the browser gets it: every field with its stored value, secrets blanked. */
export function settingsForm(props: Record<string, string>, timeZone: string): SettingsForm {
  const fields = SETTING_FIELDS.map((field): FormField => {
    const stored = props[field.name] ?? '';
    const entry: FormField = {
      name: field.name,
      label: field.label,
      group: field.group,
      value: field.secret ? '' : stored,
      secret: field.secret,
      set: stored.trim() !== '',
      help: field.help,
      input: field.input,
    };
    if (field.options) entry.options = field.options;
    if (field.placeholder !== undefined) entry.placeholder = field.placeholder;
    return entry;
  });
  return { fields, groups: SETTINGS_GROUPS, timeZone };
}

export interface SettingsFallbacks {
  webAppUrl: string;
  ownerEmail: string;
}

type Check = (props: Record<string, string>, fallbacks: SettingsFallbacks) => void;

function checkKeys(props: Record<string, string>): void {
  for (const name of [PROP.linkSecret, PROP.webhookKey, PROP.bookingApiKey]) {
    const value = props[name] ?? '';
    if (value === '') continue;
    if (/\s/.test(value)) throw new SettingsError(name, 'must not contain spaces');
    if (value.length < MIN_KEY_LENGTH)
      throw new SettingsError(name, `must be at least ${MIN_KEY_LENGTH} characters long (${value.length} given), so nobody can guess it`);
  }
}

/** Every check the runtime makes on the settings: the same parsers. */
const PARSERS: readonly Check[] = [
  (props, fallbacks) => {
    parseSettings(props, fallbacks);
  },
  (props) => {
    parseBookingRules(props);
  },
  checkKeys,
];

/** Rules between valid settings that only a save enforces (the runtime would send, and WhatsApp would refuse). */
function conflicts(props: Record<string, string>, fallbacks: SettingsFallbacks): SettingsError[] {
  const problem = messageModeProblem(parseSettings(props, fallbacks));
  return problem ? [new SettingsError(PROP.messageMode, problem)] : [];
}

function firstProblem(props: Record<string, string>, fallbacks: SettingsFallbacks): SettingsError | null {
  for (const check of PARSERS) {
    try {
      check(props, fallbacks);
    } catch (error) {
      if (error instanceof SettingsError) return error;
      throw error;
    }
  }
  return null;
}

/**
 * Each wrong setting with its message, keyed by property name. The parsers stop at the first
 * problem, so a wrong field is replaced by its example (or its default) and the parsers run again
 * until they pass; then the rules between settings are checked.
 */
export function settingsProblems(props: Record<string, string>, fallbacks: SettingsFallbacks): Record<string, string> {
  const errors: Record<string, string> = {};
  const trial = { ...props };
  // Each round names a new property or stops, and the parsers name only so many.
  for (;;) {
    const problem = firstProblem(trial, fallbacks);
    if (!problem) {
      for (const conflict of conflicts(trial, fallbacks)) errors[conflict.property] ??= conflict.problem;
      break;
    }
    // A field whose example does not help either: the rest cannot be checked past it.
    if (problem.property in errors) break;
    errors[problem.property] = problem.problem;
    // An empty example reads as the field left empty, which each parser takes for its default.
    // Stryker disable next-line OptionalChaining,StringLiteral: the parsers name only form fields (a settings-form test holds them equal), so the field is always found
    trial[problem.property] = settingField(problem.property)?.example ?? '';
  }
  return errors;
}

/** What a save changes: values to set in one write, and properties to remove (a cleared field goes back to its default). */
export interface SettingsChange {
  set: Record<string, string>;
  remove: string[];
  saved: string[];
}

export type SavePlan = { ok: true; change: SettingsChange } | { ok: false; errors: Record<string, string> };

/** One property value may hold 9 KB, its name included. */
const MAX_VALUE_LENGTH = 8 * 1024;

/**
 * Checks what the host typed against everything stored. A blank secret keeps the stored one; a
 * blank setting is removed (its default applies). Nothing changes when any value is refused.
 */
export function planSettingsSave(stored: Record<string, string>, values: Record<string, unknown>, fallbacks: SettingsFallbacks): SavePlan {
  const errors: Record<string, string> = {};
  const next: Record<string, string> = { ...stored };
  for (const [name, raw] of Object.entries(values)) {
    const field = settingField(name);
    if (!field) {
      errors[name] = 'is not a setting this form can change';
      continue;
    }
    if (typeof raw !== 'string') {
      errors[name] = 'must be text';
      continue;
    }
    const value = raw.trim();
    if (value.length > MAX_VALUE_LENGTH) {
      errors[name] = `is too long (at most ${MAX_VALUE_LENGTH} characters)`;
      continue;
    }
    if (value === '') {
      if (!field.secret) delete next[name];
    } else {
      next[name] = value;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const problems = settingsProblems(next, fallbacks);
  if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
  const change: SettingsChange = { set: {}, remove: [], saved: [] };
  for (const field of SETTING_FIELDS) {
    const before = stored[field.name];
    const after = next[field.name];
    if (before === after) continue;
    change.saved.push(field.name);
    if (after === undefined) change.remove.push(field.name);
    else change.set[field.name] = after;
  }
  return { ok: true, change };
}
