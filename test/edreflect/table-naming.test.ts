import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedGroupOf, keyColumnsOf, singular, tableOf } from '../../src/edreflect/table-naming';

describe('EdReflect table naming', () => {
  it('names tables and groups from file names', () => {
    assert.deepEqual(tableOf('observations.work.evaluations.csv'), { table: 'observations.work.evaluations', group: 'observations', path: ['work', 'evaluations'] });
    assert.deepEqual(tableOf('eoy.Classifications.csv'), { table: 'eoy.Classifications', group: 'eoy.Classifications', path: [] });
    assert.deepEqual(tableOf('user_ids.CSV'), { table: 'user_ids', group: 'user_ids', path: [] });
    assert.equal(tableOf('readme.txt'), null);
    assert.equal(changedGroupOf('changed.rubrics.csv'), 'rubrics');
    assert.equal(changedGroupOf('rubrics.csv'), null);
  });

  it('finds id, root and parent columns by tolerant names', () => {
    assert.deepEqual(['observations', 'activities', 'evidences', 'status', 'eoy.Classifications'].map(singular), ['observation', 'activity', 'evidence', 'status', 'classification']);
    const nested = tableOf('rubrics.indicators.indicators.csv');
    assert.ok(nested);
    assert.deepEqual(keyColumnsOf(nested, ['ID', 'rubricId', 'indicatorId', 'name']), { id: 0, root: 1, parent: 2 });
    const level1 = tableOf('rubrics.indicators.csv');
    assert.ok(level1);
    assert.deepEqual(keyColumnsOf(level1, ['_id', 'rubricId']), { id: 0, root: 1, parent: 1 });
    const link = tableOf('assignments.learners.csv');
    assert.ok(link);
    assert.deepEqual(keyColumnsOf(link, ['assignmentId', 'userId']), { id: -1, root: 0, parent: 0 });
    const root = tableOf('users.csv');
    assert.ok(root);
    assert.deepEqual(keyColumnsOf(root, ['email', 'uuid']), { id: 1, root: 1, parent: -1 });
  });
});
