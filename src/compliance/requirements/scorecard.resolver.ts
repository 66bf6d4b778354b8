import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { PageArgs } from '../../graphql/relay/page-args';
import { LearningItem, LearningRecord, toLearningItem, toLearningRecord } from '../../records';
import { Org, required, toUser, User } from '../../roster';
import { orgComplianceConnection } from './org-compliance.connection';
import { OrgComplianceConnection } from './org-compliance.types';
import { toRequirement, toScorecardEntry } from './requirement.mapper';
import { LearningRequirement, PersonCompliance, RequirementState, ScorecardEntry } from './requirement.types';
import { checkExpiringWithin, DEFAULT_EXPIRING_DAYS } from './scorecard.service';

const EXPIRING_WITHIN = { defaultValue: DEFAULT_EXPIRING_DAYS, description: 'Days from now within which a running-out completion counts as EXPIRING.' };

@Resolver(() => User)
export class UserScorecardResolver {
  @FieldResolver(() => [ScorecardEntry], { description: 'Every requirement that applies to the user (by org, role or class), by item name, with their state and the completion that satisfies it.' })
  async scorecard(
    @Root() user: User,
    @Arg('expiringWithin', () => Int, EXPIRING_WITHIN) expiringWithin: number,
    @Ctx() ctx: Context,
  ): Promise<ScorecardEntry[]> {
    return (await ctx.loaders.compliance.scorecard(checkExpiringWithin(expiringWithin)).load(user.localId)).map(toScorecardEntry);
  }
}

@Resolver(() => Org)
export class OrgComplianceResolver {
  @Authorized()
  @FieldResolver(() => OrgComplianceConnection, {
    description: "People of the org and below with at least one requirement, each at their worst state, by name; `state` keeps one state. The page and the org's counts per state are one SQL statement.",
  })
  async compliance(
    @Root() org: Org,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('state', () => RequirementState, { nullable: true }) state: RequirementState | null,
    @Arg('expiringWithin', () => Int, EXPIRING_WITHIN) expiringWithin: number,
    @Ctx() ctx: Context,
  ): Promise<OrgComplianceConnection> {
    return orgComplianceConnection(ctx, org.localId, state ?? null, checkExpiringWithin(expiringWithin), page);
  }
}

@Resolver(() => PersonCompliance)
export class PersonComplianceResolver {
  @FieldResolver(() => User)
  async user(@Root() person: PersonCompliance, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(person.userLocalId), `User ${person.userLocalId}`));
  }
}

@Resolver(() => ScorecardEntry)
export class ScorecardEntryResolver {
  @FieldResolver(() => LearningRequirement)
  async requirement(@Root() entry: ScorecardEntry, @Ctx() ctx: Context): Promise<LearningRequirement> {
    return toRequirement(required(await ctx.loaders.compliance.requirement.load(entry.requirementLocalId), `LearningRequirement ${entry.requirementLocalId}`));
  }

  @FieldResolver(() => LearningItem, { description: 'The required item.' })
  async item(@Root() entry: ScorecardEntry, @Ctx() ctx: Context): Promise<LearningItem> {
    return toLearningItem(required(await ctx.loaders.records.item.load(entry.itemLocalId), `LearningItem ${entry.itemLocalId}`));
  }

  @FieldResolver(() => LearningItem, { nullable: true, description: 'The item actually completed: the required one or an equivalent.' })
  async satisfiedBy(@Root() entry: ScorecardEntry, @Ctx() ctx: Context): Promise<LearningItem | null> {
    if (entry.viaItemLocalId === null) return null;
    const row = await ctx.loaders.records.item.load(entry.viaItemLocalId);
    return row && toLearningItem(row);
  }

  @FieldResolver(() => LearningRecord, { nullable: true, description: 'The completion that satisfies the requirement, if any.' })
  async record(@Root() entry: ScorecardEntry, @Ctx() ctx: Context): Promise<LearningRecord | null> {
    if (entry.recordLocalId === null) return null;
    const row = await ctx.loaders.records.record.load(entry.recordLocalId);
    return row && toLearningRecord(row);
  }
}
