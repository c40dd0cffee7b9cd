// The owner check: who Session reports, under whose authority the script runs, and the owner setup stored.
import { isOwnerCall, mayRecordOwner } from '../../src/domain/owner';

const OWNER = 'host@example.com';
const EDITOR = 'editor@example.com';

describe('isOwnerCall', () => {
  test.each([
    ['the owner in the menu or the editor', OWNER, OWNER, OWNER, true],
    ['the owner, stored with other case and spaces', 'Host@Example.com', OWNER, ' HOST@example.com ', true],
    ['another editor of the spreadsheet (active and effective are the editor)', EDITOR, EDITOR, OWNER, false],
    ['an anonymous visitor of the web app running as the owner', '', OWNER, OWNER, false],
    ['a same-domain visitor of the web app running as the owner', EDITOR, OWNER, OWNER, false],
    ['the owner before any owner is stored', OWNER, OWNER, '', false],
    ['nobody, with nothing stored', '', '', '', false],
    ['the owner in a web app that runs as someone else', OWNER, EDITOR, OWNER, false],
    ['an address the same only in capitals (ß is SS)', 'straße@example.com', 'straße@example.com', 'strasse@example.com', false],
  ])('%s', (_what, active, effective, stored, expected) => {
    expect(isOwnerCall(active, effective, stored)).toBe(expected);
  });
});

describe('mayRecordOwner', () => {
  test.each([
    ['the first setup of a fresh project', OWNER, OWNER, '', true],
    ['the first setup, with blank stored owner', EDITOR, EDITOR, '  ', true],
    ['once an owner is stored, even the owner records nothing', OWNER, OWNER, OWNER, false],
    ['an editor once an owner is stored', EDITOR, EDITOR, OWNER, false],
    ['an anonymous caller of a fresh project', '', OWNER, '', false],
    ['a web-app visitor of a fresh project', EDITOR, OWNER, '', false],
    ['nobody named at all in a fresh project', '', '', '', false],
    ['only spaces named in a fresh project', ' ', '  ', '', false],
  ])('%s', (_what, active, effective, stored, expected) => {
    expect(mayRecordOwner(active, effective, stored)).toBe(expected);
  });
});
