import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInterfaceType, isObjectType } from 'graphql';
import { scopedObjectFields } from '../../src/auth/scope/scoped-operations';
import { appSchema } from '../../src/graphql/schema';

/**
 * The paths a key scoped to an org can follow from one object to another. Each listed field
 * resolves through the roster or records services and loaders that narrow to the scope (or
 * leads to the unscoped calendar and catalogue: sessions, items). A new field that returns one
 * of these types fails here until it is checked to do the same and added.
 */
const REVIEWED = new Set([
  'AcademicSession.children', 'AcademicSession.classes', 'AcademicSession.parent',
  'Agent.agent', 'Agent.user',
  'Class.course', 'Class.enrollments', 'Class.school', 'Class.students', 'Class.teachers', 'Class.terms',
  'Course.classes', 'Course.org', 'Course.schoolYear',
  'Demographics.user',
  'Enrollment.class', 'Enrollment.school', 'Enrollment.user',
  'EnrollmentHistoryEntry.class', 'EnrollmentHistoryEntry.enrollment',
  'LearningItem.countsAs', 'LearningItem.equivalents', 'LearningItem.validityPeriod',
  'Org.children', 'Org.classes', 'Org.courses', 'Org.parent', 'Org.users',
  'Role.org', 'Role.user',
  'User.agentFor', 'User.agentLinks', 'User.agents', 'User.classes', 'User.demographics', 'User.enrollments',
  'User.identifiers', 'User.learningHistory', 'User.primaryOrg', 'User.roles',
  'UserIdentifier.user',
]);
/** Every learning record type has these, through the scoped record, item and user loaders. */
const RECORD_FIELDS = new Set(['item', 'statusHistory', 'user']);

describe('what a scoped key can reach', () => {
  it('follows only reviewed fields from object to object', () => {
    const schema = appSchema();
    const isRecord = (typeName: string): boolean => {
      const type = schema.getType(typeName);
      return (isObjectType(type) || isInterfaceType(type)) && (type.name === 'LearningRecord' || type.getInterfaces().some((i) => i.name === 'LearningRecord'));
    };
    const connectionPlumbing = /^\w+(Connection\.(edges|nodes|pageInfo)|Edge\.node)$/;
    const unreviewed = scopedObjectFields(schema).filter((f) => {
      const [type, field] = f.split('.') as [string, string];
      return !REVIEWED.has(f) && !connectionPlumbing.test(f) && !(isRecord(type) && RECORD_FIELDS.has(field));
    });
    assert.deepEqual(unreviewed, [], 'check that these narrow to the scope, then list them in REVIEWED (or deny them in scoped-operations.ts)');
  });
});
