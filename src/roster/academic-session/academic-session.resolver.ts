import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { PageArgs } from '../../graphql/relay/page-args';
import { ClassFilter, ClassOrder, toClassCriteria } from '../class/class.inputs';
import { toClass } from '../class/class.mapper';
import { ClassConnection } from '../class/class.type';
import { nestedConnection } from '../shared/nested-connection';
import { AcademicSessionFilter, AcademicSessionOrder, toAcademicSessionCriteria } from './academic-session.inputs';
import { toAcademicSession } from './academic-session.mapper';
import { AcademicSession, AcademicSessionConnection } from './academic-session.type';

@Resolver(() => AcademicSession)
export class AcademicSessionResolver {
  @Authorized()
  @Query(() => AcademicSessionConnection, { description: 'School years, semesters, terms and grading periods.' })
  async academicSessions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AcademicSessionFilter, { nullable: true }) filter: AcademicSessionFilter | null,
    @Arg('orderBy', () => AcademicSessionOrder, { nullable: false, defaultValue: AcademicSessionOrder.START_DATE_DESC })
    orderBy: AcademicSessionOrder,
    @Ctx() ctx: Context,
  ): Promise<AcademicSessionConnection> {
    const { page: result, total } = await ctx.services.roster.academicSessions.list(toAcademicSessionCriteria(filter), orderBy, page);
    return toConnection(AcademicSessionConnection, result, toAcademicSession, total);
  }

  @FieldResolver(() => AcademicSession, { nullable: true })
  async parent(@Root() session: AcademicSession, @Ctx() ctx: Context): Promise<AcademicSession | null> {
    if (session.parentLocalId === null) return null;
    const row = await ctx.loaders.roster.academicSession.load(session.parentLocalId);
    return row && toAcademicSession(row);
  }

  @FieldResolver(() => [AcademicSession], { description: 'The sessions directly within this one (terms of a year), by start date.' })
  async children(@Root() session: AcademicSession, @Ctx() ctx: Context): Promise<AcademicSession[]> {
    return (await ctx.loaders.roster.sessionChildren.load(session.localId)).map(toAcademicSession);
  }

  @FieldResolver(() => ClassConnection, { description: 'Classes taught in this session (as one of their terms).' })
  async classes(
    @Root() session: AcademicSession,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ClassFilter, { nullable: true }) filter: ClassFilter | null,
    @Arg('orderBy', () => ClassOrder, { nullable: false, defaultValue: ClassOrder.TITLE_ASC }) orderBy: ClassOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClassConnection> {
    const list = ctx.services.roster.classes.byTerm(toClassCriteria(filter), orderBy);
    return nestedConnection(ctx.loaders.connections, list, session.localId, page, ClassConnection, toClass, info);
  }
}
