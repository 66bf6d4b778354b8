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
    const { key, record } = await ctx.services.apiKeys.create(input.name, input.role);
    return Object.assign(new CreatedApiKey(), { key, apiKey: toApiKey(record) });
  }

  @Authorized(ApiRole.ADMIN)
  @Mutation(() => ApiKey)
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    return toApiKey(await ctx.services.apiKeys.revoke(localIdOf(id, 'ApiKey')));
  }
}
