import { IsNotEmpty, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import type { LrsCredentialEntity } from './lrs-credential.entity';
import { CreatedLrsCredential, LrsCredential } from './lrs-credential.type';
import { LrsScope, LrsXapiVersion, parseLrsScope } from './lrs-scope';

@InputType()
class CreateLrsCredentialInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field(() => LrsScope)
  scope!: LrsScope;

  @Field(() => LrsXapiVersion, {
    nullable: true,
    description: 'The xAPI version answers name when a request does not say which it speaks (a 400 for the missing header); default 2.0.0.',
  })
  xapiVersion?: LrsXapiVersion;
}

const toLrsCredential = (e: LrsCredentialEntity): LrsCredential =>
  Object.assign(new LrsCredential(), {
    id: e.id,
    name: e.name,
    keyId: e.keyId,
    scope: parseLrsScope(e.scope) ?? LrsScope.READ,
    xapiVersion: e.xapiVersion === '1.0.3' ? LrsXapiVersion.V1_0_3 : LrsXapiVersion.V2_0_0,
    createdAt: e.createdAt,
  });

@Resolver()
export class LrsCredentialResolver {
  @Authorized(ApiRole.ADMIN)
  @Query(() => [LrsCredential], { description: 'Every xAPI (LRS) credential, newest first.' })
  async lrsCredentials(@Ctx() ctx: Context): Promise<LrsCredential[]> {
    return (await ctx.services.xapi.credentials.list()).map(toLrsCredential);
  }

  @Authorized(ApiRole.ADMIN)
  @Mutation(() => CreatedLrsCredential, { description: 'Creates a basic-auth credential for /xapi; the secret is shown once.' })
  async createLrsCredential(
    @Arg('input', () => CreateLrsCredentialInput) input: CreateLrsCredentialInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedLrsCredential> {
    const { keyId, secret, record } = await ctx.services.xapi.credentials.create(input.name, input.scope, input.xapiVersion ?? LrsXapiVersion.V2_0_0);
    return Object.assign(new CreatedLrsCredential(), { keyId, secret, credential: toLrsCredential(record) });
  }
}
