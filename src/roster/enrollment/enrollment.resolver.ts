import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { PageArgs } from '../../graphql/relay/page-args';
import { toClass } from '../class/class.mapper';
import { RosterClass } from '../class/class.type';
import { toOrg } from '../org/org.mapper';
import { Org } from '../org/org.type';
import { required } from '../shared/required';
import { toUser } from '../user/user.mapper';
import { User } from '../user/user.type';
import { EnrollmentFilter, EnrollmentOrder, toEnrollmentCriteria } from './enrollment.inputs';
import { toEnrollment } from './enrollment.mapper';
import { Enrollment, EnrollmentConnection } from './enrollment.type';

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @Authorized()
  @Query(() => EnrollmentConnection, { description: 'Enrollments of users in classes, across every source system.' })
  async enrollments(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EnrollmentFilter, { nullable: true }) filter: EnrollmentFilter | null,
    @Arg('orderBy', () => EnrollmentOrder, { nullable: false, defaultValue: EnrollmentOrder.ID_ASC }) orderBy: EnrollmentOrder,
    @Ctx() ctx: Context,
  ): Promise<EnrollmentConnection> {
    const { page: result, total } = await ctx.services.roster.enrollments.list(toEnrollmentCriteria(filter), orderBy, page);
    return toConnection(EnrollmentConnection, result, toEnrollment, total);
  }

  @FieldResolver(() => User)
  async user(@Root() enrollment: Enrollment, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(enrollment.userLocalId), `User ${enrollment.userLocalId}`));
  }

  @FieldResolver(() => RosterClass)
  async class(@Root() enrollment: Enrollment, @Ctx() ctx: Context): Promise<RosterClass> {
    return toClass(required(await ctx.loaders.roster.rosterClass.load(enrollment.classLocalId), `Class ${enrollment.classLocalId}`));
  }

  @FieldResolver(() => Org)
  async school(@Root() enrollment: Enrollment, @Ctx() ctx: Context): Promise<Org> {
    return toOrg(required(await ctx.loaders.roster.org.load(enrollment.schoolLocalId), `Org ${enrollment.schoolLocalId}`));
  }
}
