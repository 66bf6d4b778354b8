import { registerEnumType } from 'type-graphql';

/** OneRoster's record status. The enum's values are what the database stores. */
export enum RosterStatus {
  ACTIVE = 'active',
  TOBEDELETED = 'tobedeleted',
}

registerEnumType(RosterStatus, {
  name: 'RosterStatus',
  description: "The record's lifecycle in its source, not whether a membership is current (see begin/end dates).",
  valuesConfig: {
    TOBEDELETED: { description: 'The source deleted the record; it is kept, with `deletedAt` set.' },
  },
});

/** Statuses outside the enum (a legacy `inactive` that slipped through) read as deleted. */
export function parseRosterStatus(value: string): RosterStatus {
  return value === RosterStatus.ACTIVE ? RosterStatus.ACTIVE : RosterStatus.TOBEDELETED;
}
