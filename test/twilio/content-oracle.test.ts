// Checks the fake Content API, the Senders list and FetchAccount against Twilio's own OpenAPI specs (npm @twilio-alpha/mcp), read independently.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MESSAGE_KINDS } from '../../src/domain/messages';
import { Texts } from '../../src/domain/i18n/texts';
import { approvalRequest as approvalOf, templateRequest as requestOf, templateSpec } from '../../src/domain/templates';
import type { MessageKind } from '../../src/domain/messages';

const templateRequest = (kind: MessageKind, language: 'en' | 'pt' = 'en') => requestOf(templateSpec(kind, new Texts(language)));
const approvalRequest = (kind: MessageKind, language: 'en' | 'pt' = 'en') => approvalOf(templateSpec(kind, new Texts(language)));
import type { HttpRequest } from '../../dev/runtime/core';
import { whatsappBodyProblem } from '../../dev/twilio/content';
import { ACC, SENDER, TOKEN, basic, body, getRequest, makeFake } from './helpers';

const SPEC_DIR = path.dirname(require.resolve('@twilio-alpha/mcp/twilio-oai/spec/json/twilio_content_v1.json'));
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(SPEC_DIR, name), 'utf8'));
const content = load('twilio_content_v1.json');
const messaging = load('twilio_messaging_v2.json');
const api = load('twilio_api_v2010.json');

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
  additionalProperties?: boolean | Schema;
};

function resolver(spec: { components: { schemas: Record<string, Schema> } }) {
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(spec.components.schemas[s.$ref.replace('#/components/schemas/', '')]) : s);
  const check = (value: unknown, schemaIn: Schema, where: string): string[] => {
    const schema = resolve(schemaIn);
    if (value === null) return schema.nullable ? [] : [`${where}: null but not nullable`];
    const problems: string[] = [];
    if (schema.type === 'string') {
      if (typeof value !== 'string') return [`${where}: expected string`];
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${where}: '${value}' !~ ${schema.pattern}`);
      if (schema.enum && !schema.enum.includes(value)) problems.push(`${where}: '${value}' not in enum`);
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) problems.push(`${where}: not a date-time`);
      if (schema.format === 'uri' && !/^https:\/\//.test(value)) problems.push(`${where}: not an absolute URI`);
    } else if (schema.type === 'integer') {
      if (!Number.isInteger(value)) problems.push(`${where}: expected integer`);
    } else if (schema.type === 'boolean') {
      if (typeof value !== 'boolean') problems.push(`${where}: expected boolean`);
    } else if (schema.type === 'array') {
      if (!Array.isArray(value)) return [`${where}: expected array`];
      value.forEach((v, i) => {
        problems.push(...check(v, schema.items ?? {}, `${where}[${i}]`));
      });
    } else if (schema.type === 'object' || schema.properties) {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${where}: expected object`];
      for (const name of schema.required ?? []) if (!(name in (value as object))) problems.push(`${where}.${name}: required`);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (schema.properties && k in schema.properties) problems.push(...check(v, schema.properties[k], `${where}.${k}`));
        else if (schema.properties && schema.additionalProperties === false) problems.push(`${where}.${k}: not a property`);
        else if (schema.properties && schema.additionalProperties === undefined && schema.format !== 'uri-map')
          problems.push(`${where}.${k}: not a property of the schema`);
      }
    }
    return problems;
  };
  return { resolve, check };
}

const C = resolver(content);
const contentSchema = content.components.schemas['content.v1.content'] as Schema;
const auth = basic(ACC, TOKEN);

function jsonRequest(url: string, value: unknown, method = 'POST'): HttpRequest {
  return { url, method, headers: { Authorization: auth, 'Content-Type': 'application/json' }, payload: JSON.stringify(value) };
}

function responseSchema(pathName: string, method: string, status: string): Schema {
  return content.paths[pathName][method].responses[status].content['application/json'].schema;
}

describe('Content API: the requests the product sends', () => {
  test.each(MESSAGE_KINDS)('%s: templateRequest() is a valid ContentCreateRequest', (kind) => {
    const request = templateRequest(kind, 'en');
    const schema = content.paths['/v1/Content'].post.requestBody.content['application/json'].schema as Schema;
    expect(C.check(request, schema, 'request')).toEqual([]);
  });

  test('the approval request is a valid ContentApprovalRequest', () => {
    const schema = content.paths['/v1/Content/{ContentSid}/ApprovalRequests/whatsapp'].post.requestBody.content['application/json']
      .schema as Schema;
    expect(C.check(approvalRequest('reminder', 'en'), schema, 'approval')).toEqual([]);
  });
});

describe('Content API: the fake answers as the spec says', () => {
  test('create, fetch, list, approval create and fetch, delete: every body valid against its schema', () => {
    const { fake } = makeFake();
    const created = fake.handle(jsonRequest('https://content.twilio.com/v1/Content', templateRequest('reminder', 'en')));
    expect(created.status).toBe(201);
    const resource = body(created);
    expect(C.check(resource, responseSchema('/v1/Content', 'post', '201'), 'created')).toEqual([]);
    expect(Object.keys(resource).sort()).toEqual(Object.keys(contentSchema.properties!).sort());
    const example = content.paths['/v1/Content'].post.responses['201'].content['application/json'].examples.create.value;
    expect(Object.keys(resource).sort()).toEqual(Object.keys(example).sort());
    expect(Object.keys(resource.links).sort()).toEqual(Object.keys(example.links).sort());

    const fetched = fake.handle(getRequest(`https://content.twilio.com/v1/Content/${resource.sid}`));
    expect(fetched.status).toBe(200);
    expect(body(fetched)).toEqual(resource);

    const listed = fake.handle(getRequest('https://content.twilio.com/v1/Content?PageSize=50'));
    const listSchema = responseSchema('/v1/Content', 'get', '200');
    expect(C.check(body(listed), listSchema, 'list')).toEqual([]);
    expect(Object.keys(body(listed).meta).sort()).toEqual(Object.keys(C.resolve(listSchema).properties!.meta.properties!).sort());

    const before = fake.handle(getRequest(`https://content.twilio.com/v1/Content/${resource.sid}/ApprovalRequests`));
    expect(body(before).whatsapp.status).toBe('unsubmitted');
    const submitted = fake.handle(
      jsonRequest(`https://content.twilio.com/v1/Content/${resource.sid}/ApprovalRequests/whatsapp`, approvalRequest('reminder', 'en')),
    );
    expect(submitted.status).toBe(201);
    const approvalCreateSchema = responseSchema('/v1/Content/{ContentSid}/ApprovalRequests/whatsapp', 'post', '201');
    expect(C.check(body(submitted), approvalCreateSchema, 'approval_create')).toEqual([]);
    expect(Object.keys(body(submitted)).sort()).toEqual(Object.keys(C.resolve(approvalCreateSchema).properties!).sort());
    expect(body(submitted)).toEqual(
      expect.objectContaining({
        name: 'appointments_reminder_en',
        category: 'UTILITY',
        content_type: 'twilio/quick-reply',
        status: 'received',
      }),
    );

    fake.content.setApproval(resource.sid, 'rejected', 'Too many variables');
    const approval = fake.handle(getRequest(`https://content.twilio.com/v1/Content/${resource.sid}/ApprovalRequests`));
    const fetchSchema = responseSchema('/v1/Content/{Sid}/ApprovalRequests', 'get', '200');
    expect(C.check(body(approval), fetchSchema, 'approval_fetch')).toEqual([]);
    const fetchExample =
      content.paths['/v1/Content/{Sid}/ApprovalRequests'].get.responses['200'].content['application/json'].examples.getApproval.value;
    expect(Object.keys(body(approval).whatsapp).sort()).toEqual(Object.keys(fetchExample.whatsapp).sort());
    expect(body(approval).whatsapp).toEqual(expect.objectContaining({ status: 'rejected', rejection_reason: 'Too many variables' }));

    const deleted = fake.handle({ ...getRequest(`https://content.twilio.com/v1/Content/${resource.sid}`), method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(Object.keys(content.paths['/v1/Content/{Sid}'].delete.responses)).toEqual(['204']);
    expect(fake.handle(getRequest(`https://content.twilio.com/v1/Content/${resource.sid}`)).status).toBe(404);
  });

  test('the fake answers on the spec server with its security scheme', () => {
    expect(content.paths['/v1/Content'].servers).toEqual([{ url: 'https://content.twilio.com' }]);
    expect(content.components.securitySchemes.accountSid_authToken).toEqual({ scheme: 'basic', type: 'http' });
    const { fake } = makeFake();
    expect(fake.handle(getRequest('https://content.twilio.com/v1/Content', basic(ACC, 'wrong'))).status).toBe(401);
  });

  test('what the spec requires is refused without it; a second submission is refused', () => {
    const { fake } = makeFake();
    const required = (content.components.schemas.ContentCreateRequest as Schema).required;
    expect(required).toEqual(['language', 'types']);
    for (const name of required!) {
      const request = { ...templateRequest('scheduled', 'en') } as Record<string, unknown>;
      delete request[name];
      const res = fake.handle(jsonRequest('https://content.twilio.com/v1/Content', request));
      expect([res.status, body(res).message]).toEqual([400, `Missing required parameter ${name}`]);
    }
    const sid = body(fake.handle(jsonRequest('https://content.twilio.com/v1/Content', templateRequest('scheduled', 'en')))).sid;
    const url = `https://content.twilio.com/v1/Content/${sid}/ApprovalRequests/whatsapp`;
    expect((content.components.schemas.ContentApprovalRequest as Schema).required).toEqual(['name', 'category']);
    expect(fake.handle(jsonRequest(url, { name: 'x' })).status).toBe(400);
    expect(fake.handle(jsonRequest(url, approvalRequest('scheduled'))).status).toBe(201);
    expect(body(fake.handle(jsonRequest(url, approvalRequest('scheduled')))).message).toBe(
      'This content has already been submitted for WhatsApp approval',
    );
  });
});

describe("WhatsApp's review of a template's format (rejected at approval, not at create)", () => {
  test.each([
    ['Hi {{1}}, your flight leaves from gate {{2}}. Please reply Stop to unsubscribe.', null],
    ['{{1}}, your flight leaves from gate {{2}}. Please reply Stop to unsubscribe.', 'INVALID_FORMAT: the body starts with a variable'],
    ['"{{1}}" is booked with {{2}} for you. Please reply Stop to unsubscribe.', 'INVALID_FORMAT: the body starts with a variable'],
    ['Hi {{1}}, your flight leaves from gate {{2}}', 'INVALID_FORMAT: the body ends with a variable'],
    ['Hi {{1}}, your flight leaves from gate {{2}}.\n', 'INVALID_FORMAT: the body ends with a variable'],
    ['Hi {{1}} {{2}}, your flight leaves from gate {{3}}. Please reply Stop.', 'INVALID_FORMAT: two variables are next to each other'],
    ['Hi {{1}} and {{2}}, your flight leaves from gate {{3}}. Please reply Stop.', null],
    [
      'Hi {{1}}, your flight leaves from gate {{3}}. Please reply Stop to unsubscribe.',
      'INVALID_FORMAT: the variables are not sequential ({{2}} is missing)',
    ],
    ['Hi {{1}}, words {{3}} more words {{2}}. Please reply Stop to unsubscribe.', null],
    ['Hi {{1}}, gate {{2}}. Thank you.', 'INVALID_FORMAT: too many variables for its length (2 variables need 5 words, it has 4)'],
    ['Hi {{1}}, your gate {{2}}. Thank you.', null],
    ['Line one\n\nline two without variables.', null],
  ])('%j: %s', (text, problem) => {
    expect(whatsappBodyProblem(text)).toBe(problem);
  });

  test('Twilio creates and submits a template that ends with a variable; WhatsApp rejects it at review, with the rule', () => {
    const { fake } = makeFake();
    const request = { friendly_name: 'ends_badly', language: 'en', types: { 'twilio/text': { body: 'Your link is here: {{1}}' } } };
    const created = fake.handle(jsonRequest('https://content.twilio.com/v1/Content', request));
    expect(created.status).toBe(201);
    const sid = body(created).sid as string;
    const submitted = fake.handle(
      jsonRequest(`https://content.twilio.com/v1/Content/${sid}/ApprovalRequests/whatsapp`, { name: 'ends_badly', category: 'UTILITY' }),
    );
    expect([submitted.status, body(submitted).status]).toEqual([201, 'received']);
    expect(fake.content.setApproval(sid, 'approved')).toEqual(
      expect.objectContaining({ status: 'rejected', rejection_reason: 'INVALID_FORMAT: the body ends with a variable' }),
    );
  });

  test('a language WhatsApp has no templates in is refused at create (92004); pt_BR is one it has', () => {
    const { fake } = makeFake();
    const types = { 'twilio/text': { body: 'Olá, tudo bem com a sua consulta de hoje?' } };
    const refused = fake.handle(jsonRequest('https://content.twilio.com/v1/Content', { language: 'pt-BR', types }));
    expect([refused.status, body(refused).code, body(refused).message]).toEqual([400, 92004, 'Invalid language code pt-BR']);
    expect(fake.handle(jsonRequest('https://content.twilio.com/v1/Content', { language: 'pt_BR', types })).status).toBe(201);
  });
});

describe('Senders API and FetchAccount, as the health check reads them', () => {
  test('ListChannelsSender answers per its schema, on the spec server', () => {
    const { fake } = makeFake({ whatsappSenders: [SENDER] });
    const senders = messaging.paths['/v2/Channels/Senders'];
    expect(senders.servers).toEqual([{ url: 'https://messaging.twilio.com' }]);
    const res = fake.handle(getRequest('https://messaging.twilio.com/v2/Channels/Senders?Channel=whatsapp&PageSize=1000'));
    expect(res.status).toBe(200);
    const M = resolver(messaging);
    expect(M.check(body(res), senders.get.responses['200'].content['application/json'].schema, 'senders')).toEqual([]);
    expect(body(res).senders.map((s: { sender_id: string; status: string }) => [s.sender_id, s.status])).toEqual([[SENDER, 'ONLINE']]);
  });

  test('FetchAccount answers per api.v2010.account', () => {
    const { fake } = makeFake();
    const path2010 = api.paths['/2010-04-01/Accounts/{Sid}.json'];
    expect(path2010.get.operationId).toBe('FetchAccount');
    const res = fake.handle(getRequest(`https://api.twilio.com/2010-04-01/Accounts/${ACC}.json`));
    expect(res.status).toBe(200);
    const schema = api.components.schemas['api.v2010.account'] as Schema;
    const problems: string[] = [];
    for (const [key, value] of Object.entries(body(res))) {
      expect(Object.keys(schema.properties!)).toContain(key);
      const property = schema.properties![key];
      const resolved = property.$ref ? api.components.schemas[property.$ref.replace('#/components/schemas/', '')] : property;
      if (resolved.enum && !resolved.enum.includes(value)) problems.push(`${key}: ${String(value)}`);
    }
    expect(problems).toEqual([]);
    expect(Object.keys(body(res)).sort()).toEqual(Object.keys(schema.properties!).sort());
  });
});
