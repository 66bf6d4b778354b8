import type DataLoader from 'dataloader';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { required } from '../../roster';
import { toLearningItem } from '../items/learning-item.mapper';
import { LearningItem } from '../items/learning-item.types';
import type { LearningItemRow } from '../model/record-rows';

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
  /** The item's and the completed item's rows when they were read with the holding, else null. */
  itemRow!: LearningItemRow | null;
  viaItemRow!: LearningItemRow | null;
  /** The request's item loader, for rows not read with the holding. */
  itemLoader!: DataLoader<string, LearningItemRow | null>;

  /*
   * `item` and `satisfiedBy` are read off the object, not through field resolvers: a compliance
   * page asks for them on every holding of every user, and a holding mostly carries both rows.
   */
  @Field(() => LearningItem, { description: 'The item that expires.' })
  get item(): LearningItem | Promise<LearningItem> {
    return this.itemRow ? toLearningItem(this.itemRow) : this.loadItem(this.itemLocalId);
  }

  @Field(() => LearningItem, { description: 'The item actually completed: `item` itself, or an equivalent of it.' })
  get satisfiedBy(): LearningItem | Promise<LearningItem> {
    return this.viaItemRow ? toLearningItem(this.viaItemRow) : this.loadItem(this.viaItemLocalId);
  }

  private async loadItem(localId: string): Promise<LearningItem> {
    return toLearningItem(required(await this.itemLoader.load(localId), `LearningItem ${localId}`));
  }

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
