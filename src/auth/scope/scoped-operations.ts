import {
  type DocumentNode,
  type GraphQLSchema,
  GraphQLError,
  type GraphQLNamedType,
  TypeInfo,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * What a key scoped to an org may select. Scoping lives in the roster and records loaders and
 * services; every other domain (sources, sync jobs, keys, identity, xAPI, EdReflect, compliance)
 * sees the whole district, so a scoped key may not reach it at all. Checked once per operation
 * against the document, before anything runs, so no field costs anything extra at run time.
 *
 * A field passes when its parent type is allowed (root types: listed fields only), it is not
 * denied, and it returns a scalar, an enum or an allowed type. A field another domain adds to
 * `User` that returns its own type is therefore refused until that domain is scoped.
 */
const ROOT_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  Query: new Set(['orgs', 'users', 'classes', 'courses', 'academicSessions', 'enrollments', 'node', 'nodes', '_entities', '_service']),
  // Imports, sources and keys change or reveal the whole district; scoped keys are read-only.
  Mutation: new Set(),
  // Sync jobs are district-wide and a scoped key starts none.
  Subscription: new Set(),
};

const ALLOWED_TYPES: ReadonlySet<string> = new Set([
  'Node',
  'PageInfo',
  'Org',
  'OrgConnection',
  'OrgEdge',
  'User',
  'UserConnection',
  'UserEdge',
  'Class',
  'ClassConnection',
  'ClassEdge',
  'Course',
  'CourseConnection',
  'CourseEdge',
  'AcademicSession',
  'AcademicSessionConnection',
  'AcademicSessionEdge',
  'Enrollment',
  'EnrollmentConnection',
  'EnrollmentEdge',
  'Role',
  'Agent',
  'UserIdentifier',
  'Demographics',
  'LearningHistoryConnection',
  'LearningHistoryEdge',
  'LearningHistoryEntry',
  'EnrollmentHistoryEntry',
  'LearningRecord',
  'LearningStatusChange',
  'LearningItem',
  'ValidityPeriod',
  '_Entity',
  '_Service',
]);

/** Fields of allowed types that lead out of the scope: outside accounts, match candidates, every record of an item. */
const DENIED_FIELDS: ReadonlySet<string> = new Set(['User.externalAccounts', 'User.compliance', 'LearningRecord.match', 'LearningItem.records']);

function typeAllowed(type: GraphQLNamedType): boolean {
  if (isLeafType(type) || ALLOWED_TYPES.has(type.name)) return true;
  // Every kind of learning record loads through the scoped record loader.
  return (isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().some((i) => i.name === 'LearningRecord');
}

function fieldDenied(parent: GraphQLNamedType, field: string): boolean {
  if (DENIED_FIELDS.has(`${parent.name}.${field}`)) return true;
  // The same field on every record type.
  return field === 'match' && (isObjectType(parent) || isInterfaceType(parent)) && parent.getInterfaces().some((i) => i.name === 'LearningRecord');
}

/**
 * Every `Type.field` a scoped key may select that returns an object (not a scalar): each must
 * resolve through the scoped services or loaders. A test lists them, so a field that makes a
 * new path is reviewed before scoped keys can follow it.
 */
export function scopedObjectFields(schema: GraphQLSchema): string[] {
  const fields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type)) || ROOT_FIELDS[type.name] || !typeAllowed(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      if (!isLeafType(returned) && typeAllowed(returned) && !fieldDenied(type, field.name)) fields.push(`${type.name}.${field.name}`);
    }
  }
  return fields.sort();
}

/** The first field of `document` a scoped key may not select, as a FORBIDDEN error; undefined when all pass. */
export function scopedOperationError(schema: GraphQLSchema, document: DocumentNode): GraphQLError | undefined {
  const typeInfo = new TypeInfo(schema);
  let refused: GraphQLError | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (refused || node.name.value.startsWith('__')) return;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        // Introspection describes the schema, which every key may read (when it is on at all).
        if (!parent || !field || parent.name.startsWith('__')) return;
        const root = ROOT_FIELDS[parent.name];
        const parentIsRoot = root !== undefined && [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].some((t) => t?.name === parent.name);
        const ok = parentIsRoot
          ? root.has(field.name)
          : typeAllowed(parent) && !fieldDenied(parent, field.name) && typeAllowed(getNamedType(field.type));
        if (!ok) {
          refused = new GraphQLError(`A key scoped to an org may not select ${parent.name}.${field.name}`, {
            nodes: [node],
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        }
      },
    }),
  );
  return refused;
}
