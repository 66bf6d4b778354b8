import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { PageArgs } from '../../graphql/relay/page-args';
import { ClassFilter, ClassOrder, toClassCriteria } from '../class/class.inputs';
import { toClass } from '../class/class.mapper';
import { ClassConnection } from '../class/class.type';
import { CourseFilter, CourseOrder, toCourseCriteria } from '../course/course.inputs';
import { toCourse } from '../course/course.mapper';
import { CourseConnection } from '../course/course.type';
import { nestedConnection } from '../shared/nested-connection';
import { UserFilter, UserOrder, toUserCriteria } from '../user/user.inputs';
import { toUser } from '../user/user.mapper';
import { UserConnection } from '../user/user.type';
import { OrgFilter, OrgOrder, toOrgCriteria } from './org.inputs';
import { toOrg } from './org.mapper';
import { Org, OrgConnection } from './org.type';

@Resolver(() => Org)
export class OrgResolver {
  @Authorized()
  @Query(() => OrgConnection, { description: 'Orgs (schools, districts, ...) of every source system.' })
  async orgs(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrgFilter, { nullable: true }) filter: OrgFilter | null,
    @Arg('orderBy', () => OrgOrder, { nullable: false, defaultValue: OrgOrder.NAME_ASC }) orderBy: OrgOrder,
    @Ctx() ctx: Context,
  ): Promise<OrgConnection> {
    const { page: result, total } = await ctx.services.roster.orgs.list(toOrgCriteria(filter), orderBy, page);
    return toConnection(OrgConnection, result, toOrg, total);
  }

  @FieldResolver(() => Org, { nullable: true })
  async parent(@Root() org: Org, @Ctx() ctx: Context): Promise<Org | null> {
    if (org.parentLocalId === null) return null;
    const row = await ctx.loaders.roster.org.load(org.parentLocalId);
    return row && toOrg(row);
  }

  @FieldResolver(() => OrgConnection, { description: 'The orgs directly below this one.' })
  async children(
    @Root() org: Org,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrgFilter, { nullable: true }) filter: OrgFilter | null,
    @Arg('orderBy', () => OrgOrder, { nullable: false, defaultValue: OrgOrder.NAME_ASC }) orderBy: OrgOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrgConnection> {
    const list = ctx.services.roster.orgs.children(toOrgCriteria(filter), orderBy);
    return nestedConnection(ctx.loaders.connections, list, org.localId, page, OrgConnection, toOrg, info);
  }

  @FieldResolver(() => ClassConnection, { description: 'Classes taught at this org (as their school).' })
  async classes(
    @Root() org: Org,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ClassFilter, { nullable: true }) filter: ClassFilter | null,
    @Arg('orderBy', () => ClassOrder, { nullable: false, defaultValue: ClassOrder.TITLE_ASC }) orderBy: ClassOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClassConnection> {
    const list = ctx.services.roster.classes.bySchool(toClassCriteria(filter), orderBy);
    return nestedConnection(ctx.loaders.connections, list, org.localId, page, ClassConnection, toClass, info);
  }

  @FieldResolver(() => CourseConnection, { description: "The org's course catalogue." })
  async courses(
    @Root() org: Org,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CourseFilter, { nullable: true }) filter: CourseFilter | null,
    @Arg('orderBy', () => CourseOrder, { nullable: false, defaultValue: CourseOrder.TITLE_ASC }) orderBy: CourseOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CourseConnection> {
    const list = ctx.services.roster.courses.byOrg(toCourseCriteria(filter), orderBy);
    return nestedConnection(ctx.loaders.connections, list, org.localId, page, CourseConnection, toCourse, info);
  }

  @FieldResolver(() => UserConnection, {
    description: 'Users with a role at this org (roles deleted in the source left out), each once; `filter.role` narrows to that role here.',
  })
  async users(
    @Root() org: Org,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | null,
    @Arg('orderBy', () => UserOrder, { nullable: false, defaultValue: UserOrder.FAMILY_NAME_ASC }) orderBy: UserOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UserConnection> {
    const list = ctx.services.roster.users.byOrg(toUserCriteria(filter), orderBy);
    return nestedConnection(ctx.loaders.connections, list, org.localId, page, UserConnection, toUser, info);
  }
}
