import { MaxLength } from 'class-validator';
import { Arg, Args, Authorized, type ClassType, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import type { ConnectionShape } from '../../graphql/relay/connection.type';
import { localIdOf } from '../../graphql/relay/global-id';
import { Connection } from '../../graphql/relay/connection.type';
import { countRows, fetchPage, pageWindow } from '../../graphql/relay/keyset';
import { PageArgs } from '../../graphql/relay/page-args';
import { PersonMatch, toPersonMatch } from '../../identity';
import { toUser as toRosterUser, User } from '../../roster';
import { DomainError } from '../../shared/domain-error';
import { EdReflectRubric } from '../graphql/rubric.type';
import { key } from './record.loaders';
import { MAPPERS, toGoal, toObservation, toRow, toUser } from './record.mapper';
import { byEdReflectUser, byRosterUser, childRows, isTableOfGroup, kindList, modelRows, type NestedList } from './record.queries';
import { type RecordRow, textOf } from './record-row';
import { GOAL_KIND, GOAL_OWNER_COLUMN, OBSERVATION_KIND, OBSERVED_COLUMN, OBSERVER_COLUMN, PLAIN_KINDS, type RecordKind, ROW_TYPE, USER_KIND } from './record-kinds';
import {
  EdReflectArtifact,
  EdReflectAssignment,
  EdReflectEvidence,
  EdReflectGoal,
  EdReflectGoalConnection,
  EdReflectGroup,
  EdReflectObservation,
  EdReflectObservationConnection,
  EdReflectObservationRole,
  EdReflectObservationTemplate,
  EdReflectRating,
  type EdReflectRecord,
  EdReflectRow,
  EdReflectRowConnection,
  EdReflectSlo,
  EdReflectSnapshot,
  EdReflectUser,
  EdReflectUserConnection,
  type PlainRecord,
} from './record.types';

@InputType('EdReflectFilter', { description: 'Narrows an EdReflect list; every condition given must hold.' })
class EdReflectFilter {
  @Field(() => ID, { nullable: true, description: 'A roster User: records of the EdReflect users matched to them (for users: the users matched to them).' })
  user?: string | null;

  @Field(() => ID, { nullable: true, description: 'An EdReflectUser: records that name them (observer or observed, owner, author).' })
  edReflectUser?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Users only: true = matched to a roster user, false = waiting in the unmatched queue.' })
  matched?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or title, ignoring case.' })
  @MaxLength(200)
  search?: string | null;
}

type Connectable<T> = ClassType<ConnectionShape<T>>;

async function nested<T, C extends ConnectionShape<T>>(ctx: Context, list: NestedList, page: PageArgs, parentId: string, Conn: ClassType<C>, map: (row: RecordRow) => T): Promise<C> {
  const rows = await ctx.loaders.connections.page<RecordRow>(list.signature, list.query, list.parentExpr, page, parentId);
  return toConnection(Conn, rows, map, () => ctx.loaders.connections.count(list.signature, list.query, list.parentExpr, parentId));
}

async function edReflectUser(ctx: Context, system: string, id: string | null): Promise<EdReflectUser | null> {
  if (!id) return null;
  const row = await ctx.loaders.edReflect.user.load(key(system, id));
  return row && toUser(row);
}

/**
 * The root list `<queryName>(system, filter, first, after, ...)` of a model and its
 * `rows(table)`: the rows of another table of its group that belong to it (batched per level).
 */
function modelResolver<T extends EdReflectRecord>(kind: RecordKind, Type: ClassType<T>, Conn: Connectable<T>, queryName: string, description: string) {
  const map = MAPPERS[kind.type] as (row: RecordRow) => T;
  @Resolver(() => Type)
  class ModelResolver {
    @Authorized()
    @Query(() => Conn, { name: queryName, description: `${description} In file order.` })
    async list(
      @Args(() => PageArgs) page: PageArgs,
      @Arg('system', () => String, { defaultValue: 'default', description: 'The EdReflect tenant.' }) system: string,
      @Arg('filter', () => EdReflectFilter, { nullable: true }) filter: EdReflectFilter | null,
      @Ctx() ctx: Context,
    ): Promise<ConnectionShape<T>> {
      const query = kindList(kind, system, {
        userId: filter?.user ? localIdOf(filter.user, 'User') : null,
        edReflectUserId: filter?.edReflectUser ? localIdOf(filter.edReflectUser, 'EdReflectUser') : null,
        matched: filter?.matched ?? null,
        search: filter?.search ?? null,
      });
      const result = await fetchPage<RecordRow>(ctx.db, query, pageWindow(query, page, ctx.config.maxPageSize));
      return toConnection(Conn, result, map, () => countRows(ctx.db, query));
    }

    @FieldResolver(() => EdReflectRowConnection, { description: `Rows of another table of the ${kind.table} group that belong to this one (\`${kind.table}.<part>\`), in file order.` })
    async rows(
      @Root() record: T,
      @Arg('table', () => String, { description: `A table of the group, e.g. \`${kind.table}.<part>\`; edReflectColumns lists them.` }) table: string,
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() ctx: Context,
    ): Promise<EdReflectRowConnection> {
      if (!isTableOfGroup(table, kind.table)) throw new DomainError('BAD_USER_INPUT', `"${table.slice(0, 100)}" is not a table of the ${kind.table} group`, { field: 'table' });
      return nested(ctx, modelRows(table), page, record.localId, EdReflectRowConnection, toRow);
    }
  }
  return ModelResolver;
}

/** `createdBy` of the models that have only an author. */
function authorResolver(Type: ClassType<PlainRecord>) {
  @Resolver(() => Type)
  class AuthorResolver {
    @FieldResolver(() => EdReflectUser, { nullable: true, description: 'The `createdBy` user.' })
    async createdBy(@Root() record: PlainRecord, @Ctx() ctx: Context): Promise<EdReflectUser | null> {
      return edReflectUser(ctx, record.system, record.authorEdReflectId);
    }
  }
  return AuthorResolver;
}

@Resolver(() => EdReflectUser)
class EdReflectUserResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The roster user the identity rules matched (or an integrator linked); null while waiting.' })
  async user(@Root() u: EdReflectUser, @Ctx() ctx: Context): Promise<User | null> {
    const person = await ctx.loaders.edReflect.person.load(key(u.system, u.edReflectId));
    if (!person?.user_id) return null;
    const row = await ctx.loaders.roster.user.load(person.user_id);
    return row && toRosterUser(row);
  }

  @FieldResolver(() => PersonMatch, { nullable: true, description: 'How the user was matched (status, method, candidates when ambiguous).' })
  async match(@Root() u: EdReflectUser, @Ctx() ctx: Context): Promise<PersonMatch | null> {
    const person = await ctx.loaders.edReflect.person.load(key(u.system, u.edReflectId));
    return person && toPersonMatch(person);
  }

  @FieldResolver(() => EdReflectObservationConnection, { description: 'Observations of the user (OBSERVED, the default) or made by them (OBSERVER), in file order.' })
  async observations(
    @Root() u: EdReflectUser,
    @Arg('role', () => EdReflectObservationRole, { defaultValue: EdReflectObservationRole.OBSERVED }) role: EdReflectObservationRole,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<EdReflectObservationConnection> {
    const column = role === EdReflectObservationRole.OBSERVER ? OBSERVER_COLUMN : OBSERVED_COLUMN;
    return nested(ctx, byEdReflectUser(OBSERVATION_KIND, column), page, u.localId, EdReflectObservationConnection, toObservation);
  }

  @FieldResolver(() => EdReflectGoalConnection, { description: 'Goals the user owns, in file order.' })
  async goals(@Root() u: EdReflectUser, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<EdReflectGoalConnection> {
    return nested(ctx, byEdReflectUser(GOAL_KIND, GOAL_OWNER_COLUMN), page, u.localId, EdReflectGoalConnection, toGoal);
  }
}

@Resolver(() => EdReflectObservation)
class EdReflectObservationResolver {
  @FieldResolver(() => EdReflectUser, { nullable: true })
  async observer(@Root() o: EdReflectObservation, @Ctx() ctx: Context): Promise<EdReflectUser | null> {
    return edReflectUser(ctx, o.system, o.observerEdReflectId);
  }

  @FieldResolver(() => EdReflectUser, { nullable: true, description: 'The user observed.' })
  async learner(@Root() o: EdReflectObservation, @Ctx() ctx: Context): Promise<EdReflectUser | null> {
    return edReflectUser(ctx, o.system, o.learnerEdReflectId);
  }

  @FieldResolver(() => EdReflectRubric, { nullable: true, description: 'The rubric the observation rates against, with its indicator tree.' })
  async rubric(@Root() o: EdReflectObservation, @Ctx() ctx: Context): Promise<EdReflectRubric | null> {
    return o.rubricEdReflectId ? ctx.loaders.edReflect.rubric.load(key(o.system, o.rubricEdReflectId)) : null;
  }

  @FieldResolver(() => EdReflectRowConnection, { description: '`observations.work`: the observation’s activity work.' })
  async work(@Root() o: EdReflectObservation, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<EdReflectRowConnection> {
    return nested(ctx, modelRows('observations.work'), page, o.localId, EdReflectRowConnection, toRow);
  }

  @FieldResolver(() => EdReflectRowConnection, { description: '`observations.work.evaluations`, of all its work.' })
  async evaluations(@Root() o: EdReflectObservation, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<EdReflectRowConnection> {
    return nested(ctx, modelRows('observations.work.evaluations'), page, o.localId, EdReflectRowConnection, toRow);
  }

  @FieldResolver(() => EdReflectRowConnection, { description: '`observations.work.evaluations.indicators`: the indicator ratings of all its evaluations.' })
  async indicatorRatings(@Root() o: EdReflectObservation, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<EdReflectRowConnection> {
    return nested(ctx, modelRows('observations.work.evaluations.indicators'), page, o.localId, EdReflectRowConnection, toRow);
  }
}

@Resolver(() => EdReflectGoal)
class EdReflectGoalResolver {
  @FieldResolver(() => EdReflectUser, { nullable: true })
  async owner(@Root() g: EdReflectGoal, @Ctx() ctx: Context): Promise<EdReflectUser | null> {
    return edReflectUser(ctx, g.system, g.ownerEdReflectId);
  }

  @FieldResolver(() => EdReflectRowConnection, { description: '`goals.comments`.' })
  async comments(@Root() g: EdReflectGoal, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<EdReflectRowConnection> {
    return nested(ctx, modelRows('goals.comments'), page, g.localId, EdReflectRowConnection, toRow);
  }

  @FieldResolver(() => EdReflectRowConnection, { description: '`goals.posts`.' })
  async posts(@Root() g: EdReflectGoal, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<EdReflectRowConnection> {
    return nested(ctx, modelRows('goals.posts'), page, g.localId, EdReflectRowConnection, toRow);
  }

  @FieldResolver(() => EdReflectRowConnection, { description: '`goals.alignedIndicators`: the rubric indicators the goal is aligned to.' })
  async alignedIndicators(@Root() g: EdReflectGoal, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<EdReflectRowConnection> {
    return nested(ctx, modelRows('goals.alignedIndicators'), page, g.localId, EdReflectRowConnection, toRow);
  }
}

@Resolver(() => EdReflectRow)
class EdReflectRowResolver {
  @FieldResolver(() => EdReflectRow, { nullable: true, description: 'The rubric indicator the row names in `indicatorId` (a rating, an alignment); null when none is stored.' })
  async indicator(@Root() row: EdReflectRow, @Ctx() ctx: Context): Promise<EdReflectRow | null> {
    const id = textOf(row.values, 'indicatorId');
    if (!id) return null;
    const found = await ctx.loaders.edReflect.indicator.load(key(row.system, id));
    return found && toRow(found);
  }

  @FieldResolver(() => EdReflectRowConnection, { description: 'Rows of `table` one level below this one (their parent id is its id), in file order.' })
  async children(@Root() row: EdReflectRow, @Arg('table', () => String) table: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<EdReflectRowConnection> {
    if (!table.startsWith(`${row.table}.`)) throw new DomainError('BAD_USER_INPUT', `"${table.slice(0, 100)}" is not a table below ${row.table}`, { field: 'table' });
    return nested(ctx, childRows(table), page, row.localId, EdReflectRowConnection, toRow);
  }
}

@Resolver(() => User)
class UserEdReflectResolver {
  @FieldResolver(() => [EdReflectUser], { description: 'The EdReflect users matched to this user (one per EdReflect tenant, usually).' })
  async edReflectUsers(@Root() user: User, @Ctx() ctx: Context): Promise<EdReflectUser[]> {
    return (await ctx.loaders.edReflect.usersOfRosterUser.load(user.localId)).map(toUser);
  }

  @FieldResolver(() => EdReflectObservationConnection, { description: 'EdReflect observations of this user (OBSERVED, the default) or made by them (OBSERVER), through their matched EdReflect users.' })
  async edReflectObservations(
    @Root() user: User,
    @Arg('role', () => EdReflectObservationRole, { defaultValue: EdReflectObservationRole.OBSERVED }) role: EdReflectObservationRole,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<EdReflectObservationConnection> {
    const column = role === EdReflectObservationRole.OBSERVER ? OBSERVER_COLUMN : OBSERVED_COLUMN;
    return nested(ctx, byRosterUser(OBSERVATION_KIND, column), page, user.localId, EdReflectObservationConnection, toObservation);
  }

  @FieldResolver(() => EdReflectGoalConnection, { description: 'EdReflect goals this user owns, through their matched EdReflect users.' })
  async edReflectGoals(@Root() user: User, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<EdReflectGoalConnection> {
    return nested(ctx, byRosterUser(GOAL_KIND, GOAL_OWNER_COLUMN), page, user.localId, EdReflectGoalConnection, toGoal);
  }
}

const PLAIN_TYPES: Record<string, { Type: ClassType<PlainRecord>; query: string }> = {
  EdReflectObservationTemplate: { Type: EdReflectObservationTemplate, query: 'edReflectObservationTemplates' },
  EdReflectEvidence: { Type: EdReflectEvidence, query: 'edReflectEvidences' },
  EdReflectArtifact: { Type: EdReflectArtifact, query: 'edReflectArtifacts' },
  EdReflectRating: { Type: EdReflectRating, query: 'edReflectRatings' },
  EdReflectSlo: { Type: EdReflectSlo, query: 'edReflectSlos' },
  EdReflectSnapshot: { Type: EdReflectSnapshot, query: 'edReflectSnapshots' },
  EdReflectAssignment: { Type: EdReflectAssignment, query: 'edReflectAssignments' },
  EdReflectGroup: { Type: EdReflectGroup, query: 'edReflectGroups' },
};

const plainResolvers = PLAIN_KINDS.flatMap((kind) => {
  const { Type, query } = PLAIN_TYPES[kind.type] as { Type: ClassType<PlainRecord>; query: string };
  const Conn = connectionOf(Type, kind.type);
  return [modelResolver(kind, Type, Conn, query, `EdReflect ${kind.table} (\`${kind.table}.csv\`).`), authorResolver(Type)];
});

function connectionOf(Type: ClassType<PlainRecord>, name: string): Connectable<PlainRecord> {
  return Connection(Type, name) as unknown as Connectable<PlainRecord>;
}

export const edReflectRecordResolvers: Function[] = [
  modelResolver(USER_KIND, EdReflectUser, EdReflectUserConnection, 'edReflectUsers', 'EdReflect users (`users.csv`) with their match to roster users.'),
  modelResolver(OBSERVATION_KIND, EdReflectObservation, EdReflectObservationConnection, 'edReflectObservations', 'EdReflect observations (`observations.csv`).'),
  modelResolver(GOAL_KIND, EdReflectGoal, EdReflectGoalConnection, 'edReflectGoals', 'EdReflect goals (`goals.csv`).'),
  ...plainResolvers,
  EdReflectUserResolver,
  EdReflectObservationResolver,
  EdReflectGoalResolver,
  EdReflectRowResolver,
  UserEdReflectResolver,
];

export const RECORD_TYPE_NAMES = [ROW_TYPE, ...Object.keys(MAPPERS)];
