import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { type LrsClient, lrsClient, statement } from './lrs-client';

describe('xAPI: storing statements', () => {
  let app: TestApp;
  let lrs: LrsClient;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    lrs = await lrsClient(app);
  });
  after(() => app.close());

  const count = async (id: string): Promise<number> =>
    Number(((await app.db.dataSource.query('select count(*)::int as n from xapi_statement where statement_id = $1', [id])) as { n: number }[])[0]?.n);

  it('stores a PUT statement under its statementId with 204 and adds stored, authority, timestamp and version', async () => {
    const id = randomUUID();
    const res = await lrs.request('PUT', `/statements?statementId=${id}`, statement());
    assert.equal(res.status, 204);
    const got = await lrs.request('GET', `/statements?statementId=${id}`);
    const body = (await got.json()) as Record<string, unknown>;
    assert.equal(body['id'], id);
    assert.ok(typeof body['stored'] === 'string' && typeof body['timestamp'] === 'string');
    assert.deepEqual(body['authority'], { objectType: 'Agent', account: { homePage: 'urn:learngraph:lrs', name: lrs.keyId } });
    assert.equal(body['version'], '1.0.3');
  });

  it('stamps version 2.0.0 on statements sent with the 2.0.0 header', async () => {
    const id = randomUUID();
    const res = await lrs.request('PUT', `/statements?statementId=${id}`, statement(), { 'X-Experience-API-Version': '2.0.0' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('x-experience-api-version'), '2.0.0');
    const got = (await (await lrs.request('GET', `/statements?statementId=${id}`)).json()) as { version: string };
    assert.equal(got.version, '2.0.0');
  });

  it('treats an identical repeat as a no-op (204) and a different one as a conflict (409)', async () => {
    const id = randomUUID();
    const first = statement();
    assert.equal((await lrs.request('PUT', `/statements?statementId=${id}`, first)).status, 204);
    // Verb display and key order are not part of the comparison.
    const again = { object: first['object'], verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'fr-FR': 'terminé' } }, actor: first['actor'] };
    assert.equal((await lrs.request('PUT', `/statements?statementId=${id}`, again)).status, 204);
    assert.equal((await lrs.request('POST', '/statements', { ...first, id })).status, 200);
    const other = await lrs.request('PUT', `/statements?statementId=${id}`, { ...first, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } });
    assert.equal(other.status, 409);
    assert.equal(await count(id), 1);
    const got = (await (await lrs.request('GET', `/statements?statementId=${id}`)).json()) as { verb: { id: string } };
    assert.equal(got.verb.id, 'http://adlnet.gov/expapi/verbs/completed');
  });

  it('POSTs one statement or a batch and answers the ids in order, generating missing ones', async () => {
    const single = await lrs.request('POST', '/statements', statement());
    assert.equal(single.status, 200);
    const [one] = (await single.json()) as string[];
    assert.match(one ?? '', /^[0-9a-f-]{36}$/);
    const given = randomUUID();
    const batch = await lrs.request('POST', '/statements', [statement(), statement({ id: given }), statement()]);
    const ids = (await batch.json()) as string[];
    assert.equal(ids.length, 3);
    assert.equal(ids[1], given);
    for (const id of ids) assert.equal(await count(id), 1);
  });

  it('rejects a batch naming one id twice with 400 and stores none of it', async () => {
    const id = randomUUID();
    const res = await lrs.request('POST', '/statements', [statement({ id }), statement({ id })]);
    assert.equal(res.status, 400);
    assert.equal(await count(id), 0);
  });

  it('rolls a whole batch back when one statement conflicts', async () => {
    const id = randomUUID();
    await lrs.request('PUT', `/statements?statementId=${id}`, statement());
    const fresh = randomUUID();
    const res = await lrs.request('POST', '/statements', [statement({ id: fresh }), statement({ id })]);
    assert.equal(res.status, 409);
    assert.equal(await count(fresh), 0);
  });

  it('rejects malformed statements with 400 and a message naming the problem', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...statement(), actor: { mbox: 'learner@example.org' } }, /statement\.actor\.mbox: must be a mailto: IRI/],
      [{ ...statement(), actor: { name: 'nobody' } }, /exactly one of mbox/],
      [{ ...statement(), verb: { id: 'completed' } }, /statement\.verb\.id: must be an absolute IRI/],
      [{ ...statement(), object: { objectType: 'Activity' } }, /statement\.object\.id/],
      [{ ...statement(), id: 'not-a-uuid' }, /statement\.id: must be a UUID/],
      [{ ...statement(), colour: 'red' }, /statement\.colour: is not a property of a Statement/],
      [{ ...statement(), context: { registration: 'x' } }, /registration: must be a UUID/],
      [{ ...statement(), timestamp: 'yesterday' }, /timestamp/],
      [{ ...statement(), result: { score: { scaled: 2 } } }, /scaled/],
      [{ ...statement(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }, /StatementRef/],
      ['{not json', /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const res = await lrs.request('POST', '/statements', body);
      assert.equal(res.status, 400, String(message));
      assert.match(((await res.json()) as { error: string }).error, message);
    }
  });

  it('rejects a PUT without a statementId, or whose body names another id, with 400', async () => {
    assert.equal((await lrs.request('PUT', '/statements', statement())).status, 400);
    const res = await lrs.request('PUT', `/statements?statementId=${randomUUID()}`, statement({ id: randomUUID() }));
    assert.equal(res.status, 400);
  });

  it('records link rows for the actor, the activity and context activities', async () => {
    const [id] = (await (
      await lrs.request('POST', '/statements', statement({ context: { contextActivities: { parent: [{ id: 'http://example.org/course' }] }, instructor: { mbox: 'mailto:teacher@example.org' } } }))
    ).json()) as string[];
    const agents = (await app.db.dataSource.query(
      'select a.usage, a.ifi from xapi_statement_agent a join xapi_statement s on s.id = a.statement_pk where s.statement_id = $1 order by 1',
      [id],
    )) as { usage: string; ifi: string }[];
    assert.deepEqual(agents.map((a) => a.usage), ['actor', 'authority', 'instructor']);
    const activities = (await app.db.dataSource.query(
      'select c.usage from xapi_statement_activity c join xapi_statement s on s.id = c.statement_pk where s.statement_id = $1 order by 1',
      [id],
    )) as { usage: string }[];
    assert.deepEqual(activities.map((a) => a.usage), ['object', 'parent']);
  });
});
