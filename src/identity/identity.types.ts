import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/relay/connection.type';
import { JSONObject, UserIdentifierKind } from '../roster';
import { MatchMethod, MatchStatus } from './match-status';

@ObjectType('ExternalAccount', { description: 'An account in an outside system, tied to a user with a link key.' })
export class ExternalAccount {
  userLocalId!: string;

  @Field(() => String)
  system!: string;

  @Field(() => String, { description: "The account's id in that system, as it sends it." })
  externalId!: string;

  @Field(() => Date)
  linkedAt!: Date;
}

@ObjectType('CreatedLinkKey', { description: 'A one-time key; it is shown only here, never again.' })
export class CreatedLinkKey {
  userLocalId!: string;

  @Field(() => String, { description: 'Hand it to the outside system, which redeems it with `redeemLinkKey`.' })
  key!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType('PersonMatch', { description: 'Who an outside system says a record is about, and whether that is one of our users.' })
export class PersonMatch {
  personLocalId!: string;
  userLocalId!: string | null;
  candidateLocalIds!: string[];

  @Field(() => MatchStatus)
  status!: MatchStatus;

  @Field(() => MatchMethod, { nullable: true, description: 'How it was matched; null while not matched.' })
  method!: MatchMethod | null;

  @Field(() => String, { description: 'The outside system.' })
  system!: string;

  @Field(() => JSONObject, { description: 'The identifying values the record carried, by the source’s field names.' })
  values!: Record<string, string>;

  @Field(() => String, { nullable: true, description: 'The account id in the outside system, when the source names one.' })
  accountId!: string | null;

  @Field(() => Date, { nullable: true })
  matchedAt!: Date | null;
}

@ObjectType('IdentifierCollision', { description: 'One identifier claimed by several live users: records carrying it are not matched to any of them.' })
export class IdentifierCollision {
  userLocalIds!: string[];

  @Field(() => UserIdentifierKind)
  kind!: UserIdentifierKind;

  @Field(() => String, { description: 'The identifier as compared (trimmed; lower-cased for emails and usernames).' })
  value!: string;
}

export const IdentifierCollisionConnection = Connection(IdentifierCollision, 'IdentifierCollision');
export type IdentifierCollisionConnection = InstanceType<typeof IdentifierCollisionConnection>;
