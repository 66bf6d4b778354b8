import { MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { PageArgs } from '../../graphql/relay/page-args';
import { toAgent } from '../agent/agent.mapper';
import { Agent } from '../agent/agent.type';
import { ClassFilter, ClassOrder, toClassCriteria } from '../class/class.inputs';
import { toClass } from '../class/class.mapper';
import { ClassConnection } from '../class/class.type';
import { toDemographics } from '../demographics/demographics.mapper';
import { toUserProfile } from '../user-profile/user-profile.mapper';
import { UserProfile } from '../user-profile/user-profile.type';
import { Demographics } from '../demographics/demographics.type';
import { EnrollmentFilter, EnrollmentOrder, toEnrollmentCriteria } from '../enrollment/enrollment.inputs';
import { primeClassAndCourse } from '../enrollment/enrollment-with-class';
import { type EnrollmentRow, toEnrollment } from '../enrollment/enrollment.mapper';
import { EnrollmentConnection } from '../enrollment/enrollment.type';
import { toOrg } from '../org/org.mapper';
import { Org } from '../org/org.type';
import { toRole } from '../role/role.mapper';
import { Role } from '../role/role.type';
import { nestedConnection } from '../shared/nested-connection';
import { toUserIdentifier } from '../user-identifier/user-identifier.mapper';
import { UserIdentifier } from '../user-identifier/user-identifier.type';
import { UserFilter, UserOrder, toUserCriteria } from './user.inputs';
import { toUser } from './user.mapper';
import { User, UserConnection } from './user.type';

@ArgsType()
class UserClassesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only classes where the user has this enrollment role (teacher, student, ...).' })
  @MaxLength(100)
  role?: string | null;
}

@Resolver(() => User)
export class UserResolver {
  @Authorized()
  @Query(() => UserConnection, { description: 'Users (learners, staff, parents, ...) of every source system.' })
  async users(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | null,
    @Arg('orderBy', () => UserOrder, { nullable: false, defaultValue: UserOrder.FAMILY_NAME_ASC }) orderBy: UserOrder,
    @Ctx() ctx: Context,
  ): Promise<UserConnection> {
    const { page: result, total } = await ctx.services.roster.users.list(toUserCriteria(filter), orderBy, page);
    return toConnection(UserConnection, result, toUser, total);
  }

  @FieldResolver(() => Org, { nullable: true })
  async primaryOrg(@Root() user: User, @Ctx() ctx: Context): Promise<Org | null> {
    if (user.primaryOrgLocalId === null) return null;
    const row = await ctx.loaders.roster.org.load(user.primaryOrgLocalId);
    return row && toOrg(row);
  }

  @FieldResolver(() => EnrollmentConnection)
  async enrollments(
    @Root() user: User,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EnrollmentFilter, { nullable: true }) filter: EnrollmentFilter | null,
    @Arg('orderBy', () => EnrollmentOrder, { nullable: false, defaultValue: EnrollmentOrder.BEGIN_DATE_DESC }) orderBy: EnrollmentOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnrollmentConnection> {
    const list = ctx.services.roster.enrollments.byUser(toEnrollmentCriteria(filter), orderBy);
    return nestedConnection(
      ctx.loaders.connections,
      list,
      user.localId,
      page,
      EnrollmentConnection,
      (row: EnrollmentRow) => toEnrollment(primeClassAndCourse(ctx.loaders.roster, row)),
      info,
    );
  }

  @FieldResolver(() => ClassConnection, { description: 'The classes the user is enrolled in, each once.' })
  async classes(
    @Root() user: User,
    @Args(() => UserClassesArgs) args: UserClassesArgs,
    @Arg('filter', () => ClassFilter, { nullable: true }) filter: ClassFilter | null,
    @Arg('orderBy', () => ClassOrder, { nullable: false, defaultValue: ClassOrder.TITLE_ASC }) orderBy: ClassOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClassConnection> {
    const list = ctx.services.roster.classes.byUser(toClassCriteria(filter), orderBy, args.role ?? null);
    return nestedConnection(ctx.loaders.connections, list, user.localId, args, ClassConnection, toClass, info);
  }

  @FieldResolver(() => [Role], { description: 'What the user is at each org; primary roles first.' })
  async roles(@Root() user: User, @Ctx() ctx: Context): Promise<Role[]> {
    return (await ctx.loaders.roster.userRoles.load(user.localId)).map(toRole);
  }

  @FieldResolver(() => [User], { description: 'The people who act for the user (parents, guardians).' })
  async agents(@Root() user: User, @Ctx() ctx: Context): Promise<User[]> {
    return (await ctx.loaders.roster.userAgents.load(user.localId)).map(toUser);
  }

  @FieldResolver(() => [Agent], { description: 'The links to the people who act for the user, with the relationship.' })
  async agentLinks(@Root() user: User, @Ctx() ctx: Context): Promise<Agent[]> {
    return (await ctx.loaders.roster.userAgentLinks.load(user.localId)).map(toAgent);
  }

  @FieldResolver(() => [User], { description: 'The people the user acts for (a parent: their children).' })
  async agentFor(@Root() user: User, @Ctx() ctx: Context): Promise<User[]> {
    return (await ctx.loaders.roster.agentFor.load(user.localId)).map(toUser);
  }

  @FieldResolver(() => [UserProfile], { description: "The user's accounts at applications (OneRoster 1.2 userProfiles)." })
  async profiles(@Root() user: User, @Ctx() ctx: Context): Promise<UserProfile[]> {
    return (await ctx.loaders.roster.userProfiles.load(user.localId)).map(toUserProfile);
  }

  @FieldResolver(() => [UserIdentifier], { description: 'The ways the source identifies the user, by kind, namespace and value in byte order.' })
  async identifiers(@Root() user: User, @Ctx() ctx: Context): Promise<UserIdentifier[]> {
    return (await ctx.loaders.roster.userIdentifiers.load(user.localId)).map(toUserIdentifier);
  }

  @FieldResolver(() => Demographics, { nullable: true })
  async demographics(@Root() user: User, @Ctx() ctx: Context): Promise<Demographics | null> {
    const row = await ctx.loaders.roster.userDemographics.load(user.localId);
    return row && toDemographics(row);
  }
}
