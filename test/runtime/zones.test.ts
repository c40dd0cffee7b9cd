// Table tests of the fakes' one zone implementation: offsets at an instant, and wall-clock times back to instants across DST.
import { ianaZone, resolveZone, wallClockToInstant, zoneOffsetMinutes, zonedTimeToEpoch } from '../../dev/runtime/zones';

describe('zoneOffsetMinutes', () => {
  it.each<[string, string, number]>([
    ['Europe/Berlin', '2026-01-05T08:00:00Z', 60],
    ['Europe/Berlin', '2026-07-06T08:00:00Z', 120],
    // The spring-forward instant: 01:59:59.999 UTC is still winter time, 01:00 UTC on the 29th is summer.
    ['Europe/Berlin', '2026-03-29T00:59:59.999Z', 60],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 120],
    ['America/New_York', '2026-01-05T15:00:00Z', -300],
    ['America/New_York', '2026-11-01T06:00:00Z', -300],
    ['America/New_York', '2026-11-01T05:59:00Z', -240],
    ['Asia/Kolkata', '2026-01-05T08:00:00Z', 330],
    ['Asia/Kathmandu', '2026-01-05T08:00:00Z', 345],
    // Lord Howe moves by half an hour: +11:00 in (southern) summer, +10:30 in winter.
    ['Australia/Lord_Howe', '2026-01-05T08:00:00Z', 660],
    ['Australia/Lord_Howe', '2026-07-06T08:00:00Z', 630],
    ['UTC', '2026-07-06T08:00:00Z', 0],
  ])('%s at %s: %d', (zone, iso, minutes) => {
    expect(zoneOffsetMinutes(Date.parse(iso), ianaZone(zone))).toBe(minutes);
  });

  it.each<[string, number | null, number]>([
    ['GMT-03:30', null, -210],
    ['UTC+5', null, 300],
    ['GMT+0100', null, 60],
    ['Not/AZone', 0, 0],
  ])('Java-style id %s', (id, _, minutes) => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 5), resolveZone(id))).toBe(minutes);
  });

  it('reads an unknown id as GMT, as java.util.TimeZone does', () => {
    expect(resolveZone('Not/AZone')).toEqual({ id: 'GMT', fixedOffsetMinutes: 0 });
  });
});

describe('wallClockToInstant', () => {
  it.each<[string, number[], string]>([
    ['Europe/Berlin', [2026, 1, 5, 9, 0], '2026-01-05T08:00:00.000Z'],
    ['Europe/Berlin', [2026, 7, 6, 9, 0], '2026-07-06T07:00:00.000Z'],
    // 02:30 does not exist on 29 March 2026 in Berlin: it lands an hour later on the clock, 03:30 CEST.
    ['Europe/Berlin', [2026, 3, 29, 2, 30], '2026-03-29T01:30:00.000Z'],
    // 02:30 happens twice on 25 October 2026: the standard-time reading (the later instant) is taken.
    ['Europe/Berlin', [2026, 10, 25, 2, 30], '2026-10-25T01:30:00.000Z'],
    ['Asia/Kathmandu', [2026, 1, 5, 9, 0], '2026-01-05T03:15:00.000Z'],
    ['Europe/Berlin', [2026, 1, 5, 9, 0, 30, 250], '2026-01-05T08:00:30.250Z'],
  ])('%s %j', (zone, [year, month, day, hour, minute, second, millisecond], iso) => {
    expect(new Date(wallClockToInstant(ianaZone(zone), year, month, day, hour, minute, second, millisecond)).toISOString()).toBe(iso);
  });

  it('reads Java-style ids for the services that take them', () => {
    expect(new Date(zonedTimeToEpoch('GMT-03:30', 2026, 1, 5, 9, 0)).toISOString()).toBe('2026-01-05T12:30:00.000Z');
    expect(new Date(zonedTimeToEpoch('Europe/Berlin', 2026, 1, 5, 9, 0)).toISOString()).toBe('2026-01-05T08:00:00.000Z');
  });
});
