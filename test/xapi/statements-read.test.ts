import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { type LrsClient, lrsClient, statement } from './lrs-client';

interface Result {
  statements: { id: string; actor: Record<string, unknown>; verb: Record<string, unknown>; object: Record<string, unknown> }[];
  more: string;
}

describe('xAPI: reading statements', () => {
  let app: TestApp;
  let lrs: LrsClient;
  const registration = randomUUID();
  const alice = { mbox: 'mailto:alice@example.org' };
  const bob = { account: { homePage: 'https://sis.example.org', name: 'bob' } };
  const ids: Record<string, string> = {};
  let beforeAll = '';

  const get = async (query: string): Promise<Result> => {
    const res = await lrs.request('GET', `/statements${query}`);
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as Result;
  };
  const post = async (s: Record<string, unknown>): Promise<string> => ((await (await lrs.request('POST', '/statements', s)).json()) as string[])[0] as string;
  const q = (params: Record<string, string>): string => `?${new URLSearchParams(params).toString()}`;

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    lrs = await lrsClient(app);
    beforeAll = new Date(Date.now() - 1000).toISOString();
    ids['aliceCompleted'] = await post(statement({ actor: alice, object: { id: 'http://example.org/a1' } }));
    ids['bobAttempted'] = await post(
      statement({
        actor: bob,
        verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
        object: { id: 'http://example.org/a2' },
        context: { registration, contextActivities: { parent: { id: 'http://example.org/a1' } }, instructor: alice },
      }),
    );
    ids['aliceAboutBob'] = await post(statement({ actor: alice, verb: { id: 'http://example.org/verbs/mentored' }, object: { objectType: 'Agent', ...bob } }));
  });
  after(() => app.close());

  it('returns statements newest first with the consistency and Last-Modified headers', async () => {
    const res = await lrs.request('GET', '/statements');
    assert.ok(res.headers.get('x-experience-api-consistent-through'));
    assert.ok(!Number.isNaN(Date.parse(res.headers.get('last-modified') ?? '')));
    const body = (await res.json()) as Result;
    assert.deepEqual(body.statements.map((s) => s.id).slice(0, 3), [ids['aliceAboutBob'], ids['bobAttempted'], ids['aliceCompleted']]);
    assert.equal(body.more, '');
  });

  it('filters by agent (actor or object), and by related agents', async () => {
    const asAlice = await get(q({ agent: JSON.stringify(alice) }));
    assert.deepEqual(asAlice.statements.map((s) => s.id).sort(), [ids['aliceCompleted'], ids['aliceAboutBob']].sort());
    const asBob = await get(q({ agent: JSON.stringify(bob) }));
    assert.deepEqual(asBob.statements.map((s) => s.id).sort(), [ids['bobAttempted'], ids['aliceAboutBob']].sort());
    const related = await get(q({ agent: JSON.stringify(alice), related_agents: 'true' }));
    assert.equal(related.statements.length, 3, 'alice is the instructor of the second');
  });

  it('filters by verb, activity, related activities and registration', async () => {
    assert.deepEqual((await get(q({ verb: 'http://adlnet.gov/expapi/verbs/attempted' }))).statements.map((s) => s.id), [ids['bobAttempted']]);
    assert.deepEqual((await get(q({ activity: 'http://example.org/a1' }))).statements.map((s) => s.id), [ids['aliceCompleted']]);
    const related = await get(q({ activity: 'http://example.org/a1', related_activities: 'true' }));
    assert.deepEqual(related.statements.map((s) => s.id).sort(), [ids['aliceCompleted'], ids['bobAttempted']].sort());
    assert.deepEqual((await get(q({ registration }))).statements.map((s) => s.id), [ids['bobAttempted']]);
    assert.deepEqual((await get(q({ verb: 'http://example.org/verbs/none' }))).statements, []);
  });

  it('filters by since (exclusive) and until (inclusive) on stored', async () => {
    const first = (await (await lrs.request('GET', `/statements?statementId=${ids['aliceCompleted']}`)).json()) as { stored: string };
    const since = await get(q({ since: first.stored }));
    assert.ok(!since.statements.some((s) => s.id === ids['aliceCompleted']));
    const until = await get(q({ until: first.stored, since: beforeAll }));
    assert.deepEqual(until.statements.map((s) => s.id), [ids['aliceCompleted']]);
  });

  it('pages with limit and a `more` link that walks every statement once, in either order', async () => {
    const extra: string[] = [];
    for (let i = 0; i < 5; i += 1) extra.push(await post(statement({ actor: { mbox: 'mailto:pager@example.org' } })));
    for (const ascending of [false, true]) {
      const seen: string[] = [];
      let page = await get(q({ agent: JSON.stringify({ mbox: 'mailto:pager@example.org' }), limit: '2', ascending: String(ascending) }));
      for (;;) {
        seen.push(...page.statements.map((s) => s.id));
        if (!page.more) break;
        assert.match(page.more, /^\/xapi\/statements\?more=/);
        const res = await lrs.request('GET', page.more.slice('/xapi'.length));
        assert.equal(res.status, 200);
        page = (await res.json()) as Result;
      }
      assert.deepEqual(seen, ascending ? extra : [...extra].reverse());
    }
    assert.equal((await lrs.request('GET', '/statements?more=garbage')).status, 400);
  });

  it('keeps voided statements out of queries but serves them by voidedStatementId', async () => {
    const target = await post(statement());
    const voiding = await post(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target } }));
    assert.equal((await lrs.request('GET', `/statements?statementId=${target}`)).status, 404);
    const voided = await lrs.request('GET', `/statements?voidedStatementId=${target}`);
    assert.equal(voided.status, 200);
    assert.equal(((await voided.json()) as { id: string }).id, target);
    const all = await get('');
    assert.ok(!all.statements.some((s) => s.id === target));
    assert.ok(all.statements.some((s) => s.id === voiding));
    // A voiding statement cannot itself be voided.
    await post(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voiding } }));
    assert.equal((await lrs.request('GET', `/statements?statementId=${voiding}`)).status, 200);
  });

  it('finds a statement through the statement it targets (StatementRef), even a voided one', async () => {
    const carol = { mbox: 'mailto:carol@example.org' };
    const target = await post(statement({ actor: carol, object: { id: 'http://example.org/carol-activity' } }));
    const voiding = await post(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target } }));
    assert.deepEqual((await get(q({ agent: JSON.stringify(carol) }))).statements.map((s) => s.id), [voiding]);
    assert.deepEqual((await get(q({ activity: 'http://example.org/carol-activity' }))).statements.map((s) => s.id), [voiding]);
    // Time filters apply to the referring statement itself.
    const stored = ((await (await lrs.request('GET', `/statements?statementId=${voiding}`)).json()) as { stored: string }).stored;
    assert.deepEqual((await get(q({ agent: JSON.stringify(carol), since: stored }))).statements, []);
  });

  it('accepts a voiding statement whose target is unknown', async () => {
    const res = await lrs.request('POST', '/statements', statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: randomUUID() } }));
    assert.equal(res.status, 200);
  });

  it('serves format=ids with identifiers only (activities as their id alone)', async () => {
    const res = await get(q({ verb: 'http://adlnet.gov/expapi/verbs/attempted', format: 'ids' }));
    const [s] = res.statements;
    assert.deepEqual(s?.actor, bob);
    assert.deepEqual(s?.verb, { id: 'http://adlnet.gov/expapi/verbs/attempted' });
    assert.deepEqual(s?.object, { id: 'http://example.org/a2' });
  });

  it('answers multipart/mixed when attachments=true', async () => {
    const res = await lrs.request('GET', `/statements?statementId=${ids['aliceCompleted']}&attachments=true`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^multipart\/mixed; boundary=/);
    assert.match(await res.text(), new RegExp(ids['aliceCompleted'] as string));
  });

  it('rejects bad parameters with 400', async () => {
    for (const query of [
      `?statementId=${ids['aliceCompleted']}&verb=http://x.org/v`,
      '?statementId=nope',
      '?agent=notjson',
      '?agent={"name":"no ifi"}',
      '?limit=-1',
      '?since=yesterday',
      '?ascending=maybe',
      '?format=pretty',
      '?colour=red',
    ]) {
      assert.equal((await lrs.request('GET', `/statements${query}`)).status, 400, query);
    }
    const missing = await lrs.request('GET', `/statements?statementId=${randomUUID()}`);
    assert.equal(missing.status, 404);
    // Errors too say up to when stored statements are readable.
    assert.ok(!Number.isNaN(Date.parse(missing.headers.get('x-experience-api-consistent-through') ?? '')));
  });

  it('narrows language maps to the Accept-Language choice with format=canonical only', async () => {
    const id = await post(
      statement({
        verb: { id: 'http://example.org/verbs/met', display: { 'en-US': 'met', 'en-GB': 'met up', 'fr-FR': 'rencontré' } },
        object: { id: 'http://example.org/meeting', definition: { name: { 'en-US': 'meeting', 'fr-FR': 'réunion' } } },
      }),
    );
    const read = async (format: string, language: string) =>
      (await (await lrs.request('GET', `/statements?statementId=${id}&format=${format}`, undefined, { 'Accept-Language': language })).json()) as {
        verb: { display: Record<string, string> };
        object: { definition: { name: Record<string, string> } };
      };
    const fr = await read('canonical', 'fr;q=0.9, en-GB;q=0.5');
    assert.deepEqual(fr.verb.display, { 'fr-FR': 'rencontré' });
    assert.deepEqual(fr.object.definition.name, { 'fr-FR': 'réunion' });
    assert.deepEqual((await read('canonical', 'en-GB')).verb.display, { 'en-GB': 'met up' });
    assert.equal(Object.keys((await read('exact', 'en-GB')).verb.display).length, 3);
  });

  it('merges the definitions of an activity from every statement naming it on GET /activities', async () => {
    const activityId = `http://example.org/merged/${randomUUID()}`;
    await post(statement({ object: { id: activityId, definition: { name: { 'en-US': 'example meeting' } } } }));
    await post(statement({ object: { id: activityId, definition: { name: { 'fr-FR': 'réunion' }, type: 'http://example.org/types/meeting' } } }));
    const res = await lrs.request('GET', `/activities?activityId=${encodeURIComponent(activityId)}`);
    assert.deepEqual(await res.json(), {
      objectType: 'Activity',
      id: activityId,
      definition: { name: { 'en-US': 'example meeting', 'fr-FR': 'réunion' }, type: 'http://example.org/types/meeting' },
    });
  });
});
