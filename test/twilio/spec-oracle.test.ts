// Checks the fake Twilio against Twilio's own OpenAPI spec (twilio-oai's twilio_api_v2010.json, shipped in the @twilio-alpha/mcp package), read independently.
import * as fs from 'node:fs';
import { CREATE_MESSAGE_PARAMS, MESSAGE_STATUSES } from '../../dev/twilio/fake-twilio';
import {
  ACC,
  ATTENDEE,
  HX,
  MG,
  SENDER,
  body,
  createRequest,
  getRequest,
  makeFake,
  messagesUrl,
  templateMessage,
  textMessage,
} from './helpers';

/** Twilio's OpenAPI documents (twilio/twilio-oai) as the @twilio-alpha/mcp package ships them. */
const SPEC_PATH = require.resolve('@twilio-alpha/mcp/twilio-oai/spec/json/twilio_api_v2010.json');

type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  pattern?: string;
  enum?: string[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
};
const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8'));
const schemas: Record<string, Schema> = spec.components.schemas;
const resolve = (s: Schema): Schema => (s.$ref ? resolve(schemas[s.$ref.replace('#/components/schemas/', '')]) : s);

const listPath = spec.paths['/2010-04-01/Accounts/{AccountSid}/Messages.json'];
const onePath = spec.paths['/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json'];
const createForm: Schema = listPath.post.requestBody.content['application/x-www-form-urlencoded'].schema;
const messageSchema: Schema = schemas['api.v2010.account.message'];

/** Returns the problems of `value` against `schema` (a small subset of JSON Schema: what this spec uses). */
function check(value: unknown, schemaIn: Schema, where: string): string[] {
  const schema = resolve(schemaIn);
  if (value === null) return schema.nullable ? [] : [`${where}: null but not nullable`];
  const problems: string[] = [];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${where}: expected string, got ${typeof value}`];
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${where}: '${value}' !~ ${schema.pattern}`);
      if (schema.enum && !schema.enum.includes(value)) problems.push(`${where}: '${value}' not in enum`);
      if (
        schema.format === 'date-time-rfc-2822' &&
        !/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/.test(
          value,
        )
      ) {
        problems.push(`${where}: '${value}' is not RFC 2822 GMT`);
      }
      break;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${where}: expected integer`);
      break;
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) return [`${where}: expected object`];
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (schema.properties) {
          if (!(k in schema.properties)) problems.push(`${where}.${k}: not a property of the schema`);
          else problems.push(...check(v, schema.properties[k], `${where}.${k}`));
        }
      }
      break;
    case 'array':
      if (!Array.isArray(value)) return [`${where}: expected array`];
      value.forEach((v, i) => {
        problems.push(...check(v, schema.items ?? {}, `${where}[${i}]`));
      });
      break;
    default:
      break;
  }
  return problems;
}

describe('operations the fake serves exist in the spec', () => {
  test('CreateMessage, ListMessage, FetchMessage on the paths the fake routes', () => {
    expect(listPath.post.operationId).toBe('CreateMessage');
    expect(listPath.get.operationId).toBe('ListMessage');
    expect(onePath.get.operationId).toBe('FetchMessage');
    expect(Object.keys(listPath.post.responses)).toEqual(['201']);
    expect(spec.components.securitySchemes.accountSid_authToken).toEqual({ scheme: 'basic', type: 'http' });
  });

  test('the host the fake answers for is the spec server', () => {
    expect(listPath.servers).toEqual([{ url: 'https://api.twilio.com' }]);
  });
});

describe('CreateMessage parameters', () => {
  /**
   * Parameters Twilio documents that this packaged spec predates: FallbackFrom
   * (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource). The fake refuses them as "not emulated".
   */
  const NEWER_THAN_SPEC = ['FallbackFrom'];

  test('the fake accepts exactly the parameter names of the spec form (and the documented newer ones)', () => {
    const ours = Object.keys(CREATE_MESSAGE_PARAMS).filter((name) => !NEWER_THAN_SPEC.includes(name));
    expect(ours.sort()).toEqual(Object.keys(createForm.properties!).sort());
  });

  test("the fake's types, enums and patterns match the spec", () => {
    for (const [name, ours] of Object.entries(CREATE_MESSAGE_PARAMS)) {
      if (NEWER_THAN_SPEC.includes(name)) continue;
      const theirs = resolve(createForm.properties![name]);
      const theirType = theirs.format === 'uri' ? 'uri' : theirs.format === 'date-time' ? 'date-time' : theirs.type;
      expect([name, ours.type]).toEqual([name, theirType]);
      expect([name, ours.enum ?? null]).toEqual([name, theirs.enum ?? null]);
      expect([name, ours.pattern?.source ?? null]).toEqual([name, theirs.pattern ?? null]);
    }
  });

  test('To is the only required parameter, and the fake answers 21604 without it', () => {
    expect(createForm.required).toEqual(['To']);
    const { fake } = makeFake();
    expect(body(fake.handle(createRequest({ From: SENDER, Body: 'x' }))).code).toBe(21604);
  });

  test('the params the product-style requests send are all in the spec form', () => {
    const names = new Set(Object.keys(createForm.properties!));
    for (const params of [textMessage(), templateMessage(), { To: ATTENDEE, MessagingServiceSid: MG, ContentSid: HX }]) {
      for (const k of Object.keys(params)) expect(names).toContain(k);
    }
  });
});

describe('Message resource', () => {
  const variants: Array<[string, Record<string, string>]> = [
    ['free text', textMessage()],
    ['template', templateMessage()],
    ['messaging service', { To: ATTENDEE, MessagingServiceSid: MG, ContentSid: HX }],
  ];

  test.each(variants)('%s: every field of the 201 body is a schema property and valid against it', (_name, params) => {
    const { fake } = makeFake();
    const res = fake.handle(createRequest(params));
    expect(res.status).toBe(201);
    expect(check(body(res), messageSchema, 'message')).toEqual([]);
  });

  test('the 201 body has every property the schema defines (nothing missing)', () => {
    const { fake } = makeFake();
    const m = body(fake.handle(createRequest(templateMessage())));
    expect(Object.keys(m).sort()).toEqual(Object.keys(messageSchema.properties!).sort());
  });

  test("same top-level keys as Twilio's own create examples", () => {
    const examples = listPath.post.responses['201'].content['application/json'].examples;
    const { fake } = makeFake();
    const ours = Object.keys(body(fake.handle(createRequest(templateMessage())))).sort();
    const values: Array<Record<string, unknown>> = [];
    const walk = (x: unknown): void => {
      if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.sid === 'string' && 'account_sid' in o) values.push(o);
        else Object.values(o).forEach(walk);
      }
    };
    walk(examples);
    expect(values.length).toBeGreaterThan(0);
    // The spec's examples also carry `tags`, which its own message schema does not define: compare on the schema's fields.
    const defined = (keys: string[]) => keys.filter((key) => key in messageSchema.properties!).sort();
    for (const ex of values) expect(ours).toEqual(defined(Object.keys(ex)));
  });

  test('subresource_uris names the dependent resources the spec lists', () => {
    const { fake } = makeFake();
    const m = body(fake.handle(createRequest(templateMessage())));
    expect(Object.keys(m.subresource_uris).sort()).toEqual(Object.keys(listPath['x-twilio'].dependentProperties).sort());
  });

  test('every status the fake can set is the spec enum, and nothing else', () => {
    expect([...MESSAGE_STATUSES].sort()).toEqual([...resolve({ $ref: '#/components/schemas/message_enum_status' }).enum!].sort());
  });

  test('after every status change (and after inbound), the fetched resource is still valid', () => {
    const { fake } = makeFake();
    const sid = body(fake.handle(createRequest(templateMessage()))).sid;
    const url = `https://api.twilio.com/2010-04-01/Accounts/${ACC}/Messages/${sid}.json`;
    for (const status of MESSAGE_STATUSES) {
      fake.setStatus(sid, status, status === 'failed' || status === 'undelivered' ? 63016 : undefined);
      const res = fake.handle(getRequest(url));
      expect(res.status).toBe(200);
      expect(check(body(res), resolve(onePath.get.responses['200'].content['application/json'].schema), status)).toEqual([]);
    }
    const inbound = fake.inbound({ from: ATTENDEE, to: SENDER, body: 'hi' });
    const res = fake.handle(getRequest(`https://api.twilio.com/2010-04-01/Accounts/${ACC}/Messages/${inbound.MessageSid}.json`));
    expect(check(body(res), messageSchema, 'inbound')).toEqual([]);
    expect(body(res).direction).toBe('inbound');
  });

  test('the list response matches ListMessageResponse', () => {
    const { fake } = makeFake();
    fake.handle(createRequest(templateMessage()));
    const res = fake.handle(getRequest(messagesUrl()));
    const listSchema = listPath.get.responses['200'].content['application/json'].schema as Schema;
    expect(check(body(res), listSchema, 'list')).toEqual([]);
    expect(Object.keys(body(res)).sort()).toEqual(Object.keys(listSchema.properties!).sort());
  });

  test('status callbacks only ever report statuses from the spec enum', () => {
    const { fake } = makeFake();
    const seen = new Set<string>();
    for (const code of [undefined, 63016, 30003]) {
      if (code) fake.injectFault({ errorCode: code, count: 1 });
      const sid = body(fake.handle(createRequest(templateMessage()))).sid;
      for (const cb of fake.deliver(sid, { read: true })) {
        seen.add(cb.params.MessageStatus);
        expect(cb.params.SmsStatus).toBe(cb.params.MessageStatus);
      }
    }
    const enumValues = resolve({ $ref: '#/components/schemas/message_enum_status' }).enum!;
    for (const s of seen) expect(enumValues).toContain(s);
    expect([...seen].sort()).toEqual(['delivered', 'failed', 'read', 'sent', 'undelivered']);
  });
});
