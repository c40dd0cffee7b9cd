// Table tests of reading a caught value: the message for people and notes, the stack for the owner's log.
import { errorDetail, errorMessage } from '../../src/domain/errors';

class RequestLikeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestLikeError';
  }
}

const withoutStack = (error: Error): Error => Object.assign(error, { stack: undefined });

describe('errorMessage', () => {
  it.each<[string, unknown, string]>([
    ['an Error', new Error('Calendar not found'), 'Calendar not found'],
    ['a subclass', new RequestLikeError('That time was just taken'), 'That time was just taken'],
    ['an Error with an empty message', new Error(''), ''],
    [
      'an object from another realm with a message',
      { name: 'Exception', message: 'Service invoked too many times' },
      'Service invoked too many times',
    ],
    ['a non-string message', { message: 404 }, '404'],
    ['an object whose message is null', { message: null, toString: () => 'odd' }, 'odd'],
    ['an object without a message', { toString: () => 'no message here' }, 'no message here'],
    ['a string', 'timeout', 'timeout'],
    ['a number', 42, '42'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
  ])('%s', (_, error, expected) => {
    expect(errorMessage(error)).toBe(expected);
  });
});

describe('errorDetail', () => {
  it('is the stack when there is one, which names the error and its message', () => {
    const detail = errorDetail(new RequestLikeError('bad token'));
    expect(detail.split('\n')[0]).toBe('RequestLikeError: bad token');
    expect(detail.split('\n')[1]).toMatch(/^\s+at /);
  });

  it.each<[string, unknown, string]>([
    ['an Error without a stack: the message', withoutStack(new Error('no stack')), 'no stack'],
    ['an empty stack: the message', Object.assign(new Error('empty stack'), { stack: '' }), 'empty stack'],
    ['a string', 'plain text', 'plain text'],
    ['an object with a message only', { message: 'from Apps Script' }, 'from Apps Script'],
    ['a non-string stack: the message', { message: 'odd stack', stack: 7 }, 'odd stack'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a number', 42, '42'],
  ])('%s', (_, error, expected) => {
    expect(errorDetail(error)).toBe(expected);
  });
});
