import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { PageArgs } from '../../graphql/relay/page-args';
import { toAcademicSession } from '../academic-session/academic-session.mapper';
import { AcademicSession } from '../academic-session/academic-session.type';
import { toCourse } from '../course/course.mapper';
import { Course } from '../course/course.type';
import { EnrollmentFilter, EnrollmentOrder, toEnrollmentCriteria } from '../enrollment/enrollment.inputs';
import { toEnrollment } from '../enrollment/enrollment.mapper';
import { EnrollmentConnection } from '../enrollment/enrollment.type';
import { toOrg } from '../org/org.mapper';
import { Org } from '../org/org.type';
import { nestedConnection } from '../shared/nested-connection';
import { required } from '../shared/required';
import { ClassFilter, ClassOrder, toClassCriteria } from './class.inputs';
import { toClass } from './class.mapper';
import { ClassConnection, RosterClass } from './class.type';

@Resolver(() => RosterClass)
export class ClassResolver {
  @Authorized()
  @Query(() => ClassConnection, { description: 'Classes (sections) of every school and source system.' })
  async classes(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ClassFilter, { nullable: true }) filter: ClassFilter | null,
    @Arg('orderBy', () => ClassOrder, { nullable: false, defaultValue: ClassOrder.TITLE_ASC }) orderBy: ClassOrder,
    @Ctx() ctx: Context,
  ): Promise<ClassConnection> {
    const { page: result, total } = await ctx.services.roster.classes.list(toClassCriteria(filter), orderBy, page);
    return toConnection(ClassConnection, result, toClass, total);
  }

  @FieldResolver(() => Course)
  async course(@Root() cls: RosterClass, @Ctx() ctx: Context): Promise<Course> {
    return toCourse(required(await ctx.loaders.roster.course.load(cls.courseLocalId), `Course ${cls.courseLocalId}`));
  }

  @FieldResolver(() => Org, { description: 'The school that teaches the class.' })
  async school(@Root() cls: RosterClass, @Ctx() ctx: Context): Promise<Org> {
    return toOrg(required(await ctx.loaders.roster.org.load(cls.schoolLocalId), `Org ${cls.schoolLocalId}`));
  }

  @FieldResolver(() => [AcademicSession], { description: 'The terms the class is taught in, by start date.' })
  async terms(@Root() cls: RosterClass, @Ctx() ctx: Context): Promise<AcademicSession[]> {
    return (await ctx.loaders.roster.classTerms.load(cls.localId)).map(toAcademicSession);
  }

  @FieldResolver(() => EnrollmentConnection, { description: 'Everyone enrolled in the class, in any role.' })
  async enrollments(
    @Root() cls: RosterClass,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EnrollmentFilter, { nullable: true }) filter: EnrollmentFilter | null,
    @Arg('orderBy', () => EnrollmentOrder, { nullable: false, defaultValue: EnrollmentOrder.FAMILY_NAME_ASC }) orderBy: EnrollmentOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnrollmentConnection> {
    const list = ctx.services.roster.enrollments.byClass(toEnrollmentCriteria(filter), orderBy);
    return nestedConnection(ctx.loaders.connections, list, cls.localId, page, EnrollmentConnection, toEnrollment, info);
  }

  @FieldResolver(() => EnrollmentConnection, { description: 'The enrollments with role `teacher` (`filter.role` is ignored).' })
  async teachers(
    @Root() cls: RosterClass,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EnrollmentFilter, { nullable: true }) filter: EnrollmentFilter | null,
    @Arg('orderBy', () => EnrollmentOrder, { nullable: false, defaultValue: EnrollmentOrder.FAMILY_NAME_ASC }) orderBy: EnrollmentOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnrollmentConnection> {
    const list = ctx.services.roster.enrollments.byClass({ ...toEnrollmentCriteria(filter), role: 'teacher' }, orderBy, 'Class.teachers');
    return nestedConnection(ctx.loaders.connections, list, cls.localId, page, EnrollmentConnection, toEnrollment, info);
  }

  @FieldResolver(() => EnrollmentConnection, { description: 'The enrollments with role `student` (`filter.role` is ignored).' })
  async students(
    @Root() cls: RosterClass,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EnrollmentFilter, { nullable: true }) filter: EnrollmentFilter | null,
    @Arg('orderBy', () => EnrollmentOrder, { nullable: false, defaultValue: EnrollmentOrder.FAMILY_NAME_ASC }) orderBy: EnrollmentOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnrollmentConnection> {
    const list = ctx.services.roster.enrollments.byClass({ ...toEnrollmentCriteria(filter), role: 'student' }, orderBy, 'Class.students');
    return nestedConnection(ctx.loaders.connections, list, cls.localId, page, EnrollmentConnection, toEnrollment, info);
  }
}
