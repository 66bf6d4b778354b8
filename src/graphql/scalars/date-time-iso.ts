import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { isoString } from './iso-string';

const base = GraphQLDateTimeISO.toConfig();

/**
 * graphql-scalars' `DateTimeISO` (the scalar type-graphql uses for `Date`), with the same name,
 * description, input parsing and errors, whose output for a valid `Date` is written by
 * isoString. Anything else (strings, numbers, invalid dates) goes through graphql-scalars as before.
 */
export const DateTimeISO = new GraphQLScalarType({
  ...base,
  serialize(value: unknown): unknown {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return isoString(value);
    return base.serialize(value);
  },
});
