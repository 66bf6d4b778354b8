import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../graphql/relay/node.interface';
import { ApiRole } from './role';

@ObjectType('ApiKey', { implements: Node, description: 'An API key (never its secret).' })
export class ApiKey extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => ApiRole)
  role!: ApiRole;

  @Field(() => String, { description: 'The first characters of the key, to tell keys apart.' })
  prefix!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The org whose subtree the key is limited to; null when it sees everything.' })
  orgId!: string | null;
}

@ObjectType({ description: 'A new key: `key` is shown this once and cannot be recovered.' })
export class CreatedApiKey {
  @Field(() => String)
  key!: string;

  @Field(() => ApiKey)
  apiKey!: ApiKey;
}
