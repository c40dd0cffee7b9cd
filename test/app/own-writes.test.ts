// The record of the script's own calendar writes: parsed leniently, pruned by age and by what a sync listed, bounded in size.
import { nextOwnWrites, onlyOwnWrites, parseOwnWrites } from '../../src/app/own-writes';

const AT = Date.UTC(2026, 0, 5, 8, 0, 0);

describe('own writes', () => {
  it('reads entries and ignores what is not one', () => {
    expect([...parseOwnWrites('{"a":["\\"1\\"",5],"b":"x","c":[1,2]}')]).toEqual([['a', { etag: '"1"', at: 5 }]]);
    expect(parseOwnWrites('not json').size).toBe(0);
    expect(parseOwnWrites(undefined).size).toBe(0);
    expect(parseOwnWrites('null').size).toBe(0);
  });

  it("keeps this run's writes, drops listed and hour-old ones, and at most 40", () => {
    const stored = parseOwnWrites(JSON.stringify({ old: ['e0', AT - 3600_001], listed: ['e1', AT - 1000], kept: ['e2', AT - 2000] }));
    const added = new Map([['new', { etag: 'e3', at: AT }]]);
    expect(JSON.parse(nextOwnWrites(stored, added, new Set(['listed']), AT))).toEqual({ new: ['e3', AT], kept: ['e2', AT - 2000] });
    const many = new Map(Array.from({ length: 45 }, (_, i) => [`id${i}`, { etag: `e${i}`, at: AT - i }]));
    const next = JSON.parse(nextOwnWrites(new Map(), many, new Set(), AT)) as Record<string, unknown>;
    expect(Object.keys(next)).toHaveLength(40);
    expect(next.id0).toEqual(['e0', AT]);
    expect(next.id44).toBeUndefined();
  });

  it('an echo is only events exactly as our write left them', () => {
    const stored = parseOwnWrites(JSON.stringify({ a: ['"7"', AT] }));
    expect(onlyOwnWrites([], stored)).toBe(true);
    expect(onlyOwnWrites([{ id: 'a', etag: '"7"' }], stored)).toBe(true);
    expect(onlyOwnWrites([{ id: 'a', etag: '"8"' }], stored)).toBe(false);
    expect(
      onlyOwnWrites(
        [
          { id: 'a', etag: '"7"' },
          { id: 'b', etag: '"7"' },
        ],
        stored,
      ),
    ).toBe(false);
    expect(onlyOwnWrites([{ id: 'a' }], stored)).toBe(false);
  });
});
