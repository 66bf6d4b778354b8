import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { DateTimeISO } from '../../src/graphql/scalars/date-time-iso';
import { appSchema } from '../../src/graphql/schema';
import { isoString } from '../../src/graphql/scalars/iso-string';

const DAY = 86_400_000;

/** Edges of the calendar arithmetic: epoch, leap days, century rules, the first and last four-digit years, negative times. */
const EDGES = [
  '1970-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '2000-02-29T12:00:00.001Z',
  '1900-02-28T23:59:59.999Z',
  '1900-03-01T00:00:00.000Z',
  '2100-03-01T00:00:00.000Z',
  '2024-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00.000Z',
  '0000-02-29T00:00:00.000Z',
  '0099-12-31T23:59:59.999Z',
  '0999-06-15T08:07:06.005Z',
  '9999-12-31T23:59:59.999Z',
];

describe('DateTimeISO output', () => {
  it('writes the same text as toISOString for calendar edges and for a sweep of instants from year 0 to 9999', () => {
    for (const text of EDGES) assert.equal(isoString(new Date(text)), text);
    const first = Date.parse('0000-01-01T00:00:00.000Z');
    const last = Date.parse('9999-12-31T23:59:59.999Z');
    // A step that is no whole number of days, hours or seconds visits every time of day and every day of the cycle.
    let checked = 0;
    for (let t = first; t <= last; t += 7 * DAY + 3_723_457) {
      const date = new Date(t);
      assert.equal(isoString(date), date.toISOString(), `instant ${t}`);
      checked++;
    }
    assert.ok(checked > 400_000);
  });

  it('leaves years outside 0000–9999 to the built-in, with their sign and six digits', () => {
    for (const text of ['-000001-12-31T23:59:59.999Z', '+010000-01-01T00:00:00.000Z', '-271821-04-20T00:00:00.000Z']) {
      const date = new Date(text);
      assert.equal(isoString(date), text);
      assert.equal(DateTimeISO.serialize(date), text);
    }
  });

  it('serialises as graphql-scalars does: valid dates, date strings and timestamps alike, and rejects what it rejects', () => {
    assert.equal(DateTimeISO.name, GraphQLDateTimeISO.name);
    // The served schema's scalar writes with this one.
    const served = appSchema().getType('DateTimeISO');
    assert.ok(served instanceof GraphQLScalarType);
    assert.equal(served.serialize, DateTimeISO.serialize);
    const date = new Date('2026-03-01T09:30:00.577Z');
    assert.equal(DateTimeISO.serialize(date), GraphQLDateTimeISO.serialize(date));
    assert.equal(DateTimeISO.serialize('2026-03-01T10:30:00.577+01:00'), GraphQLDateTimeISO.serialize('2026-03-01T10:30:00.577+01:00'));
    assert.equal(DateTimeISO.serialize(1_772_357_400_577), GraphQLDateTimeISO.serialize(1_772_357_400_577));
    assert.throws(() => DateTimeISO.serialize(new Date(Number.NaN)), /invalid Date/);
    assert.throws(() => DateTimeISO.serialize('yesterday'), /invalid date-time-string/);
    assert.throws(() => DateTimeISO.serialize(true), /non string/);
  });
});
