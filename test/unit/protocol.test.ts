import { describe, expect, it } from 'vitest';
import { resourceByName } from '../../src/schema';
import { contentRange, escapeRegExp, QueryError, translateListQuery } from '../../src/server/protocol';

const attendees = resourceByName.attendees;

describe('translateListQuery (ra-data-simple-rest → json-server)', () => {
  it('turns sort and range into _sort/_order/_start/_end', () => {
    expect(translateListQuery(attendees, { sort: '["name","DESC"]', range: '[25,49]' })).toEqual({
      query: { _sort: 'name', _order: 'desc', _start: '25', _end: '50' },
      start: 25,
    });
  });

  it('keeps q, equality, id lists and operator suffixes, and escapes _like', () => {
    const { query } = translateListQuery(attendees, {
      filter: JSON.stringify({
        q: '张',
        summitId: 1,
        id: [1, 2],
        arrivalAt_gte: '2026-12-01',
        role_ne: 'staff',
        name_like: 'a.b(',
      }),
    });
    expect(query).toEqual({
      q: '张',
      summitId: ['1'],
      id: ['1', '2'],
      arrivalAt_gte: ['2026-11-30T16:00:00.000Z'],
      role_ne: ['staff'],
      name_like: ['a\\.b\\('],
    });
  });

  it('reads a day given for a date-time field as a whole Beijing day', () => {
    const { query } = translateListQuery(attendees, {
      filter: JSON.stringify({ arrivalAt_gte: '2026-12-04', arrivalAt_lte: '2026-12-04' }),
    });
    expect(query).toEqual({ arrivalAt_gte: ['2026-12-03T16:00:00.000Z'], arrivalAt_lte: ['2026-12-04T15:59:59.999Z'] });
    // dates stay dates, full times stay as given
    expect(translateListQuery(resourceByName.agreements, { filter: '{"signedOn_gte":"2026-01-01"}' }).query).toEqual({
      signedOn_gte: ['2026-01-01'],
    });
    expect(
      translateListQuery(attendees, { filter: '{"arrivalAt_gte":"2026-12-04T08:00:00.000Z"}' }).query.arrivalAt_gte,
    ).toEqual(['2026-12-04T08:00:00.000Z']);
  });

  it('skips empty filter values and makes an empty id list match nothing', () => {
    const { query } = translateListQuery(attendees, { filter: JSON.stringify({ name: '', hotel: null, id: [] }) });
    expect(Object.keys(query)).toEqual(['id']);
    expect(query.id).not.toContain('');
  });

  it('refuses unknown fields and malformed parameters', () => {
    expect(() => translateListQuery(attendees, { sort: '["password","ASC"]' })).toThrow(QueryError);
    expect(() => translateListQuery(attendees, { sort: '["name","UP"]' })).toThrow(/sort/);
    expect(() => translateListQuery(attendees, { range: '[3,1]' })).toThrow(/range/);
    expect(() => translateListQuery(attendees, { filter: '{"x_gte":1}' })).toThrow(/unknown field "x"/);
    expect(() => translateListQuery(attendees, { filter: 'not json' })).toThrow(/not valid JSON/);
    expect(() => translateListQuery(attendees, { filter: ['{}', '{}'] })).toThrow(/once/);
  });

  it('formats Content-Range for pages and for empty answers', () => {
    expect(contentRange('attendees', 0, 25, 319)).toBe('attendees 0-24/319');
    expect(contentRange('attendees', 0, 0, 0)).toBe('attendees 0-0/0');
    expect(escapeRegExp('1+1=2?')).toBe('1\\+1=2\\?');
  });
});
