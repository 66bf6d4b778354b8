import { registerEnumType } from 'type-graphql';

/** Whether an outside person is one of our users. The values are what `external_person.status` stores. */
export enum MatchStatus {
  MATCHED = 'MATCHED',
  /** Nobody has any of the person's identifiers (yet). */
  UNMATCHED = 'UNMATCHED',
  /** The identifiers point at more than one user; nobody is chosen until an integrator links one. */
  AMBIGUOUS = 'AMBIGUOUS',
}

/** How a matched person was matched. */
export enum MatchMethod {
  /** A redeemed link key tied the person's account to the user. */
  LINK_KEY = 'LINK_KEY',
  /** An identifier (staff number, username, email, ...) of exactly one user. */
  IDENTIFIER = 'IDENTIFIER',
  /** An integrator linked it (`linkRecord`); automatic matching never undoes this. */
  MANUAL = 'MANUAL',
}

registerEnumType(MatchStatus, {
  name: 'MatchStatus',
  valuesConfig: {
    UNMATCHED: { description: 'Nobody has any of its identifiers yet; matched automatically when someone does.' },
    AMBIGUOUS: { description: 'Its identifiers point at more than one user; link it by hand (`linkRecord`).' },
  },
});
registerEnumType(MatchMethod, { name: 'MatchMethod' });
