// Table tests of the row-role checks: which series roles count as a whole series and which as one occurrence.
import { isOccurrenceRow, isSeriesRow, type SeriesRole } from '../../src/domain/appointments';

describe('the series role of a row', () => {
  it.each<[SeriesRole, boolean, boolean]>([
    ['', false, false],
    ['series', true, false],
    ['instance', false, true],
    ['exception', false, true],
  ])('role %j: a whole series %j, one occurrence %j', (seriesRole, series, occurrence) => {
    expect([isSeriesRow({ seriesRole }), isOccurrenceRow({ seriesRole })]).toEqual([series, occurrence]);
  });
});
