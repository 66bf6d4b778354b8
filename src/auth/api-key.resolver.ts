import { IsNotEmpty, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context';
import { localIdOf } from '../graphql/relay/global-id';
import { toApiKey } from './api-key.mapper';
import { ApiKey, CreatedApiKey } from './api-key.type';
import { ApiRole } from './role';

@InputType()
class CreateApiKeyInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field(() => ApiRole)
  role!: ApiRole;

  @Field(() => ID, {
    nullable: true,
    description: 'Limit the key to this org and the orgs below it (a school, say). Such a key must be a READER: it sees only users with a role or enrollment there, their classes, enrollments and learning records.',
  })
  org?: string | null;
}

@Resolver()
export class ApiKeyResolver {
  @Authorized(ApiRole.ADMIN)
  @Query(() => [ApiKey], { description: 'Every API key, newest first.' })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return (await ctx.services.apiKeys.list()).map(toApiKey);
  }

  @Authorized(ApiRole.ADMIN)
  @Mutation(() => CreatedApiKey)
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<CreatedApiKey> {
    const orgId = input.org == null ? null : localIdOf(input.org, 'Org');
    const { key, record } = await ctx.services.apiKeys.create(input.name, input.role, orgId);
    return Object.assign(new CreatedApiKey(), { key, apiKey: toApiKey(record) });
  }

  @Authorized(ApiRole.ADMIN)
  @Mutation(() => ApiKey)
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    return toApiKey(await ctx.services.apiKeys.revoke(localIdOf(id, 'ApiKey')));
  }
}
