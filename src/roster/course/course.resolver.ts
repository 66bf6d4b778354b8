import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { PageArgs } from '../../graphql/relay/page-args';
import { toAcademicSession } from '../academic-session/academic-session.mapper';
import { AcademicSession } from '../academic-session/academic-session.type';
import { ClassFilter, ClassOrder, toClassCriteria } from '../class/class.inputs';
import { toClass } from '../class/class.mapper';
import { ClassConnection } from '../class/class.type';
import { toOrg } from '../org/org.mapper';
import { Org } from '../org/org.type';
import { nestedConnection } from '../shared/nested-connection';
import { required } from '../shared/required';
import { CourseFilter, CourseOrder, toCourseCriteria } from './course.inputs';
import { toCourse } from './course.mapper';
import { Course, CourseConnection } from './course.type';

@Resolver(() => Course)
export class CourseResolver {
  @Authorized()
  @Query(() => CourseConnection, { description: 'Courses of every org and source system.' })
  async courses(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CourseFilter, { nullable: true }) filter: CourseFilter | null,
    @Arg('orderBy', () => CourseOrder, { nullable: false, defaultValue: CourseOrder.TITLE_ASC }) orderBy: CourseOrder,
    @Ctx() ctx: Context,
  ): Promise<CourseConnection> {
    const { page: result, total } = await ctx.services.roster.courses.list(toCourseCriteria(filter), orderBy, page);
    return toConnection(CourseConnection, result, toCourse, total);
  }

  @FieldResolver(() => Org, { description: 'The org whose catalogue the course is in.' })
  async org(@Root() course: Course, @Ctx() ctx: Context): Promise<Org> {
    return toOrg(required(await ctx.loaders.roster.org.load(course.orgLocalId), `Org ${course.orgLocalId}`));
  }

  @FieldResolver(() => AcademicSession, { nullable: true })
  async schoolYear(@Root() course: Course, @Ctx() ctx: Context): Promise<AcademicSession | null> {
    if (course.schoolYearLocalId === null) return null;
    const row = await ctx.loaders.roster.academicSession.load(course.schoolYearLocalId);
    return row && toAcademicSession(row);
  }

  @FieldResolver(() => ClassConnection, { description: 'The classes (sections) of the course.' })
  async classes(
    @Root() course: Course,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ClassFilter, { nullable: true }) filter: ClassFilter | null,
    @Arg('orderBy', () => ClassOrder, { nullable: false, defaultValue: ClassOrder.TITLE_ASC }) orderBy: ClassOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClassConnection> {
    const list = ctx.services.roster.classes.byCourse(toClassCriteria(filter), orderBy);
    return nestedConnection(ctx.loaders.connections, list, course.localId, page, ClassConnection, toClass, info);
  }
}
