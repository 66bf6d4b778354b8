import { Field, ID, ObjectType } from 'type-graphql';
import { LrsScope, LrsXapiVersion } from './lrs-scope';

@ObjectType('LrsCredential', { description: 'A basic-auth credential for the xAPI endpoint at /xapi (never its secret).' })
export class LrsCredential {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The basic-auth user name.' })
  keyId!: string;

  @Field(() => LrsScope)
  scope!: LrsScope;

  @Field(() => LrsXapiVersion, { description: 'The version answers name when a request does not say which it speaks.' })
  xapiVersion!: LrsXapiVersion;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: 'A new LRS credential: `secret` is shown this once and cannot be recovered.' })
export class CreatedLrsCredential {
  @Field(() => String, { description: 'The basic-auth user name.' })
  keyId!: string;

  @Field(() => String, { description: 'The basic-auth password.' })
  secret!: string;

  @Field(() => LrsCredential)
  credential!: LrsCredential;
}
