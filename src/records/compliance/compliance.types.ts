import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';

export enum ComplianceStatus {
  VALID = 'VALID',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
}

registerEnumType(ComplianceStatus, {
  name: 'ComplianceStatus',
  valuesConfig: { EXPIRING: { description: 'Still valid, but not beyond the window asked about (`within` days).' } },
});

@ObjectType('ComplianceItem', { description: 'An item with a validity period that a user holds, and how long for.' })
export class ComplianceItem {
  userLocalId!: string;
  itemLocalId!: string;
  viaItemLocalId!: string;
  recordLocalId!: string;

  @Field(() => ComplianceStatus)
  status!: ComplianceStatus;

  @Field(() => Date, { description: 'When the completion that counts was made.' })
  completedAt!: Date;

  @Field(() => Date)
  validUntil!: Date;
}

@ObjectType('UserCompliance', { description: "Where a user stands on everything that expires: the worst status first, then each item." })
export class UserCompliance {
  @Field(() => ComplianceStatus, { description: 'EXPIRED if anything has expired, else EXPIRING if anything will within the window, else VALID.' })
  status!: ComplianceStatus;

  @Field(() => Int)
  expired!: number;

  @Field(() => Int)
  expiring!: number;

  @Field(() => Int)
  valid!: number;

  @Field(() => [ComplianceItem], { description: 'Soonest to expire first.' })
  items!: ComplianceItem[];
}

export const ComplianceItemConnection = Connection(ComplianceItem, 'ComplianceItem');
export type ComplianceItemConnection = InstanceType<typeof ComplianceItemConnection>;
