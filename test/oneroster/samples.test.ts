import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { importPackage, nonZero, SAMPLES, summarize } from './support';

/**
 * Every sample set, in both modes, with its exact outcome: status, counts per entity, and each
 * diagnostic grouped as `SEVERITY code file column: lines`. The defects are the ones
 * shared/samples/oneroster/SOURCES.md lists for each set.
 */
const EXPECTED: Record<string, { status: string; entities: Record<string, Record<string, number>>; issues: string[] }> = {
  'edfi-lms-toolkit/v1p1 STRICT': { status: 'FAILED', entities: {}, issues: ["ERROR oneroster.manifest.version manifest.csv value: 2"] },
  'edfi-lms-toolkit/v1p1 LENIENT': { status: 'SUCCEEDED', entities: {"orgs":{"added":2},"roles":{"added":10},"users":{"added":10},"classes":{"added":2},"courses":{"added":2},"enrollments":{"added":24},"demographics":{"added":8},"academicSessions":{"added":3}}, issues: ["WARNING csv.row.trailing_empty users.csv: 10,11","WARNING oneroster.coerced.manifest_version manifest.csv value: 2"] },
  'edfi-lms-toolkit/v1p0 STRICT': { status: 'FAILED', entities: {}, issues: ["ERROR oneroster.version.unsupported_1_0 classes.csv: 1"] },
  'edfi-lms-toolkit/v1p0 LENIENT': { status: 'FAILED', entities: {}, issues: ["ERROR oneroster.version.unsupported_1_0 classes.csv: 1"] },
  'moodle-enrol-oneroster/Test_minimal_data_set.zip STRICT': { status: 'COMPLETED_WITH_ERRORS', entities: {"orgs":{"added":1},"users":{"rejected":6},"classes":{"rejected":2},"enrollments":{"rejected":6},"academicSessions":{"added":5}}, issues: ["ERROR oneroster.reference.missing classes.csv courseSourcedId: 3","ERROR oneroster.reference.missing enrollments.csv classSourcedId: 2,3,4,5,6,7","ERROR oneroster.value.boolean users.csv enabledUser: 2,3,4,5,6,7","ERROR oneroster.value.enum classes.csv classType: 2"] },
  'moodle-enrol-oneroster/Test_minimal_data_set.zip LENIENT': { status: 'COMPLETED_WITH_ERRORS', entities: {"orgs":{"added":1},"roles":{"added":6},"users":{"added":6},"classes":{"rejected":2},"enrollments":{"rejected":6},"academicSessions":{"added":5}}, issues: ["ERROR oneroster.reference.missing classes.csv courseSourcedId: 2,3","ERROR oneroster.reference.missing enrollments.csv classSourcedId: 2,3,4,5,6,7","WARNING oneroster.coerced.boolean_case users.csv enabledUser: 2,3,4,5,6,7","WARNING oneroster.coerced.enum_case classes.csv classType: 2"] },
  'moodle-enrol-oneroster/Test_full_data_set.zip STRICT': { status: 'COMPLETED_WITH_ERRORS', entities: {"orgs":{"rejected":1},"users":{"rejected":6},"classes":{"rejected":2},"enrollments":{"rejected":6},"academicSessions":{"rejected":5}}, issues: ["ERROR oneroster.bulk.status_present academicSessions.csv dateLastModified: 2,3,4,5,6","ERROR oneroster.bulk.status_present academicSessions.csv status: 2,3,4,5,6","ERROR oneroster.bulk.status_present classes.csv dateLastModified: 2,3","ERROR oneroster.bulk.status_present classes.csv status: 2,3","ERROR oneroster.bulk.status_present enrollments.csv dateLastModified: 2,3,4,5,6,7","ERROR oneroster.bulk.status_present enrollments.csv status: 2,3,4,5,6,7","ERROR oneroster.bulk.status_present orgs.csv dateLastModified: 2","ERROR oneroster.bulk.status_present orgs.csv status: 2","ERROR oneroster.bulk.status_present users.csv dateLastModified: 2,4,5,6,7","ERROR oneroster.bulk.status_present users.csv status: 2,4,5,6,7","ERROR oneroster.value.boolean users.csv enabledUser: 2,3,4,5,6,7","ERROR oneroster.value.datetime academicSessions.csv dateLastModified: 4,5","ERROR oneroster.value.datetime users.csv dateLastModified: 2,4,5,6,7","ERROR oneroster.value.enum classes.csv classType: 2","ERROR oneroster.value.list classes.csv subjectCodes: 2","ERROR oneroster.value.list classes.csv subjects: 2","ERROR oneroster.value.status academicSessions.csv status: 4"] },
  'moodle-enrol-oneroster/Test_full_data_set.zip LENIENT': { status: 'COMPLETED_WITH_ERRORS', entities: {"orgs":{"added":1},"roles":{"added":6},"users":{"added":6},"classes":{"rejected":1,"unchanged":1},"enrollments":{"rejected":6},"academicSessions":{"added":3,"unchanged":2}}, issues: ["ERROR oneroster.reference.missing enrollments.csv classSourcedId: 2,3,4,5,6,7","ERROR oneroster.value.subjects_mismatch classes.csv subjectCodes: 2","WARNING oneroster.bulk.status_present academicSessions.csv dateLastModified: 2,3,4,5,6","WARNING oneroster.bulk.status_present academicSessions.csv status: 2,3,4,5,6","WARNING oneroster.bulk.status_present classes.csv dateLastModified: 2,3","WARNING oneroster.bulk.status_present classes.csv status: 2,3","WARNING oneroster.bulk.status_present enrollments.csv dateLastModified: 2,3,4,5,6,7","WARNING oneroster.bulk.status_present enrollments.csv status: 2,3,4,5,6,7","WARNING oneroster.bulk.status_present orgs.csv dateLastModified: 2","WARNING oneroster.bulk.status_present orgs.csv status: 2","WARNING oneroster.bulk.status_present users.csv dateLastModified: 2,4,5,6,7","WARNING oneroster.bulk.status_present users.csv status: 2,4,5,6,7","WARNING oneroster.coerced.boolean_case users.csv enabledUser: 2,3,4,5,6,7","WARNING oneroster.coerced.datetime_date_only academicSessions.csv dateLastModified: 4,5","WARNING oneroster.coerced.datetime_date_only users.csv dateLastModified: 2,4,5,6,7","WARNING oneroster.coerced.enum_case classes.csv classType: 2","WARNING oneroster.coerced.status_inactive academicSessions.csv status: 4","WARNING oneroster.coerced.trimmed classes.csv subjectCodes: 2","WARNING oneroster.coerced.trimmed classes.csv subjects: 2","WARNING oneroster.reference.missing academicSessions.csv parentSourcedId: 3,6","WARNING oneroster.reference.missing orgs.csv parentSourcedId: 2"] },
  'moodle-enrol-oneroster/oneroster_test_data.zip STRICT': { status: 'COMPLETED_WITH_ERRORS', entities: {"orgs":{"added":1},"roles":{"rejected":1},"users":{"rejected":1},"classes":{"added":1},"courses":{"added":1},"enrollments":{"rejected":1},"demographics":{"rejected":1},"userProfiles":{"rejected":1},"academicSessions":{"added":1}}, issues: ["ERROR oneroster.reference.missing demographics.csv sourcedId: 2","ERROR oneroster.reference.missing enrollments.csv userSourcedId: 2","ERROR oneroster.reference.missing roles.csv userSourcedId: 2","ERROR oneroster.reference.missing userProfiles.csv userSourcedId: 2","ERROR oneroster.value.boolean users.csv enabledUser: 2"] },
  'moodle-enrol-oneroster/oneroster_test_data.zip LENIENT': { status: 'SUCCEEDED', entities: {"orgs":{"added":1},"roles":{"added":1},"users":{"added":1},"classes":{"added":1},"courses":{"added":1},"enrollments":{"added":1},"demographics":{"added":1},"userProfiles":{"added":1},"academicSessions":{"added":1}}, issues: ["WARNING oneroster.coerced.boolean_case users.csv enabledUser: 2"] },
  'moodle-enrol-oneroster/v1p2_full_dataset.zip STRICT': { status: 'FAILED', entities: {}, issues: ["ERROR oneroster.manifest.file_mode manifest.csv value: 21,22,23","ERROR oneroster.package.file_unknown userprofiles.csv"] },
  'moodle-enrol-oneroster/v1p2_full_dataset.zip LENIENT': { status: 'FAILED', entities: {}, issues: ["ERROR oneroster.manifest.file_mode manifest.csv value: 22","WARNING oneroster.coerced.mode_blank manifest.csv value: 21,23","WARNING oneroster.package.file_name_case userprofiles.csv"] },
  'lepo-roster-hub/en/oneroster.zip STRICT': { status: 'FAILED', entities: {}, issues: ["ERROR oneroster.manifest.file_undeclared manifest.csv","ERROR oneroster.manifest.property_unknown manifest.csv propertyName: 10"] },
  'lepo-roster-hub/en/oneroster.zip LENIENT': { status: 'SUCCEEDED', entities: {"orgs":{"added":1},"roles":{"added":20},"users":{"added":20},"classes":{"added":5},"courses":{"added":2},"enrollments":{"added":30},"academicSessions":{"added":4}}, issues: ["WARNING oneroster.manifest.property_unknown manifest.csv propertyName: 10"] },
  'lepo-roster-hub/ja/oneroster.zip STRICT': { status: 'FAILED', entities: {}, issues: ["ERROR oneroster.manifest.file_undeclared manifest.csv","ERROR oneroster.manifest.property_unknown manifest.csv propertyName: 10"] },
  'lepo-roster-hub/ja/oneroster.zip LENIENT': { status: 'SUCCEEDED', entities: {"orgs":{"added":1},"roles":{"added":20},"users":{"added":20},"classes":{"added":5},"courses":{"added":2},"enrollments":{"added":30},"academicSessions":{"added":4}}, issues: ["WARNING oneroster.manifest.property_unknown manifest.csv propertyName: 10"] },
};

describe('OneRoster sample packages', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, async () => {
      const [sample, mode] = name.split(' ') as [string, 'STRICT' | 'LENIENT'];
      // Each run gets its own source system, so earlier runs do not change its counts.
      const outcome = await importPackage(app, { path: path.join(SAMPLES, sample), strictness: mode, system: name });
      assert.equal(outcome.status, expected.status, outcome.failureMessage ?? '');
      assert.deepEqual(nonZero(outcome.entities), expected.entities);
      assert.deepEqual(summarize(outcome.issues), expected.issues);
    });
  }

  it('follows the five OneRoster.Net snapshots in order: an inactive course, its activation, its implicit delete, a new class', async () => {
    const system = 'oneroster-net';
    const steps = ['base', 'Step1-UpdateCourse', 'Step2-AddCourse', 'Step3-DeleteCourse', 'Step4-AddClass'];
    const courses: Record<string, unknown>[] = [];
    const course10009: unknown[] = [];
    for (const step of steps) {
      const outcome = await importPackage(app, { path: path.join(SAMPLES, 'oneroster-net-csvsample', step), strictness: 'LENIENT', system });
      assert.equal(outcome.status, 'COMPLETED_WITH_ERRORS', `${step}: ${outcome.failureMessage ?? ''}`);
      courses.push(nonZero({ courses: outcome.entities['courses']!, classes: outcome.entities['classes']! }));
      const rows = (await app.db.dataSource.query(`select status, deleted_at is not null as deleted from course where system = $1 and sourced_id = '10009'`, [system])) as unknown[];
      course10009.push(rows[0] ?? null);
    }
    assert.deepEqual(courses, [
      // Classes 3221301/3221314 name a school that is not in orgs.csv; 3221347 is marked toBeDeleted.
      { courses: { added: 4 }, classes: { added: 1, rejected: 2, unchanged: 1 } },
      // 10009 arrives as `inactive`: read as a delete of a record we never had.
      { courses: { unchanged: 5 }, classes: { rejected: 2, unchanged: 2 } },
      { courses: { added: 1, unchanged: 4 }, classes: { rejected: 2, unchanged: 2 } },
      // The same files as base: 10009 is missing from a bulk file, so it is soft-deleted.
      { courses: { deleted: 1, unchanged: 4 }, classes: { rejected: 2, unchanged: 2 } },
      { courses: { unchanged: 4 }, classes: { added: 1, rejected: 2, unchanged: 2 } },
    ]);
    assert.deepEqual(course10009, [
      null,
      null,
      { status: 'active', deleted: false },
      { status: 'tobedeleted', deleted: true },
      { status: 'tobedeleted', deleted: true },
    ]);
  });

  it('keeps what the valid rows say: multi-byte names, userIds, leading-zero grades, metadata columns', async () => {
    const system = 'values';
    await importPackage(app, { path: path.join(SAMPLES, 'lepo-roster-hub/ja/oneroster.zip'), strictness: 'LENIENT', system });
    await importPackage(app, { path: path.join(SAMPLES, 'edfi-lms-toolkit/v1p1'), strictness: 'LENIENT', system: `${system}-edfi` });
    const db = app.db.dataSource;
    const [ja] = (await db.query(`select given_name, family_name, metadata from roster_user where system = $1 order by id limit 1`, [system])) as {
      given_name: string;
      family_name: string;
      metadata: Record<string, string>;
    }[];
    assert.match(`${ja?.family_name}${ja?.given_name}`, /[\u3040-\u30ff\u4e00-\u9fff]/u, 'Japanese names survive');
    assert.ok(ja?.metadata['phoneticGivenName'], 'metadata.* columns are kept without their prefix');
    const ids = (await db.query(
      `select i.namespace, i.value from user_identifier i join roster_user u on u.id = i.user_id
        where u.system = $1 and i.kind = 'userId' order by i.value`,
      [`${system}-edfi`],
    )) as { namespace: string; value: string }[];
    assert.ok(ids.length > 0 && ids.every((i) => i.namespace === 'Local'), 'userIds {Local:...} become identifiers');
    const grades = (await db.query(`select distinct unnest(grades) as g from roster_user where system = $1 order by 1`, [`${system}-edfi`])) as { g: string }[];
    assert.ok(grades.some((g) => g.g === '09'), 'grades keep their leading zero');
  });
});
