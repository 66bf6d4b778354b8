import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { type LrsClient, lrsClient, statement } from './lrs-client';

/** The statement rules of xAPI Data §2.2–2.4 and §4, one family at a time, through the real endpoint. */
describe('xAPI: statement validation', () => {
  let app: TestApp;
  let lrs: LrsClient;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    lrs = await lrsClient(app);
  });
  after(() => app.close());

  const V2 = { 'X-Experience-API-Version': '2.0.0' };
  const activity = (definition: Record<string, unknown>) => ({ object: { objectType: 'Activity', id: 'http://example.org/a', definition } });
  const sub = (over: Record<string, unknown>) => ({ object: { objectType: 'SubStatement', ...statement(), ...over } });

  async function rejects(cases: [Record<string, unknown>, RegExp][], headers: Record<string, string> = {}): Promise<void> {
    for (const [over, message] of cases) {
      const res = await lrs.request('POST', '/statements', { ...statement(), ...over }, headers);
      const body = (await res.json()) as { error?: string };
      assert.equal(res.status, 400, `${String(message)}: ${JSON.stringify(body)}`);
      assert.match(body.error ?? '', message);
    }
  }

  async function accepts(cases: Record<string, unknown>[], headers: Record<string, string> = {}): Promise<void> {
    for (const over of cases) {
      const res = await lrs.request('POST', '/statements', { ...statement(), ...over }, headers);
      assert.equal(res.status, 200, `${JSON.stringify(over)}: ${await res.text()}`);
    }
  }

  it('checks agents, groups and authorities: mbox form, one IFI, accounts, anonymous OAuth groups of two', async () => {
    await rejects([
      [{ actor: { mbox: 'mailto:should.fail.com' } }, /statement\.actor\.mbox: must be a mailto: IRI holding one email address/],
      [{ actor: { objectType: 'Group', mbox: 'http://should.fail.com' } }, /statement\.actor\.mbox/],
      [{ actor: { mbox: 'mailto:a@example.org', openid: 'http://example.org/me' } }, /exactly one of mbox/],
      [{ actor: { account: { homePage: 'ab=c://should.fail.com', name: 'x' } } }, /account\.homePage: must be an IRL/],
      [{ actor: { account: { homePage: 'http://example.org', name: 'x', extra: 1 } } }, /account\.extra: is not a property of an account/],
      [{ actor: { objectType: 'agent', mbox: 'mailto:a@example.org' } }, /objectType: must be "Agent" or "Group"/],
      [{ actor: { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@example.org' }] } }, /member\[0\]\.objectType: must be "Agent"/],
      [{ authority: { objectType: 'Group', mbox: 'mailto:g@example.org', member: [] } }, /an authority Group must be anonymous/],
      [{ authority: { objectType: 'Group', member: [{ mbox: 'mailto:a@example.org' }] } }, /exactly two Agents/],
      [{ context: { instructor: { mbox: 'mailto:nope' } } }, /context\.instructor\.mbox/],
      [{ context: { team: { mbox: 'mailto:t@example.org' } } }, /context\.team\.objectType: must be "Group"/],
    ]);
    await accepts([{ authority: { objectType: 'Group', member: [{ mbox: 'mailto:a@example.org' }, { account: { homePage: 'http://example.org', name: 'app' } }] } }]);
  });

  it('checks language maps against RFC 5646 and extension keys as IRIs', async () => {
    await rejects([
      [{ verb: { id: 'http://example.org/v', display: { something: 'x' } } }, /verb\.display\.something: is not an RFC 5646 language tag/],
      [{ verb: { id: 'http://example.org/v', display: 'attended' } }, /verb\.display: must be a language map/],
      [activity({ name: { 'en-US': 12 } }), /definition\.name\.en-US: must be a string/],
      [activity({ description: { 'zh-z-aaa-z-bbb-c-ccc': 'x' } }), /is not an RFC 5646 language tag/],
      [{ context: { language: 'a12345678' } }, /context\.language: must be an RFC 5646 language tag/],
      [activity({ extensions: { 'should fail': true } }), /extensions\.should fail: an extension key must be an absolute IRI/],
      [{ result: { extensions: 'string' } }, /result\.extensions: must be an object keyed by IRIs/],
    ]);
    await accepts([
      { verb: { id: 'http://example.org/v', display: { de: 'besucht', 'zh-Hant': 'x', 'sr-Latn-RS': 'y', cmn: 'z', 'es-419': 'w' } } },
      { context: { language: 'en-GB-oed' } },
    ]);
  });

  it('checks activity definitions: IRIs, interaction types (case matters) and components', async () => {
    await rejects([
      [activity({ type: 'not an iri' }), /definition\.type: must be an absolute IRI/],
      [activity({ moreInfo: 'nope' }), /definition\.moreInfo/],
      [activity({ interactionType: 'choiCe' }), /interactionType: must be one of/],
      [activity({ choices: [{ id: 'a' }] }), /interactionType: is required when/],
      [activity({ interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] }), /ids must be distinct/],
      [activity({ interactionType: 'likert', scale: [{ id: 'a', description: 'x' }] }), /scale\[0\]\.description: must be a language map/],
      [{ object: { objectType: 'Activity' } }, /statement\.object\.id: must be an absolute IRI/],
    ]);
    await accepts([activity({ interactionType: 'choice', correctResponsesPattern: ['a'], choices: [{ id: 'a', description: { 'en-US': 'A' } }] })]);
  });

  it('checks results and scores: types, duration format and score ranges', async () => {
    await rejects([
      [{ result: { success: 'true' } }, /result\.success: must be true or false/],
      [{ result: { response: 12 } }, /result\.response: must be a string/],
      [{ result: { duration: 'PA1H0M0S' } }, /result\.duration: must be an ISO 8601 duration/],
      [{ result: { duration: 'P4W1D' } }, /result\.duration/],
      [{ result: { score: { raw: '5' } } }, /score\.raw: must be a number/],
      [{ result: { score: { min: 10, max: 5 } } }, /score\.min: must be less than max/],
      [{ result: { score: { raw: 11, min: 0, max: 10 } } }, /score\.raw: must not be greater than max/],
      [{ result: { score: { scaled: -1.5 } } }, /score\.scaled: must be between -1 and 1/],
    ]);
    await accepts([{ result: { duration: 'P4W' } }, { result: { duration: 'P3Y1M29DT4H35M59.14S', score: { raw: 5, min: 0, max: 10, scaled: 0.5 } } }]);
  });

  it('checks contexts: revision and platform only for activities, StatementRefs, 2.0 context agents and groups', async () => {
    const agentObject = { object: { objectType: 'Agent', mbox: 'mailto:o@example.org' } };
    await rejects([
      [{ ...agentObject, context: { revision: '2' } }, /context\.revision: may only be used when the object is an Activity/],
      [{ context: { platform: 12 } }, /context\.platform: must be a string/],
      [{ context: { statement: { id: '6f1c6a3e-7c1d-4f6e-9a8b-0c2d4e6f8a1b' } } }, /context\.statement\.objectType: must be "StatementRef"/],
      [{ context: { contextActivities: { sibling: [] } } }, /must be parent, grouping, category or other/],
      [{ context: { contextAgents: [{ objectType: 'contextAgent', agent: { mbox: 'mailto:c@example.org' }, relevantTypes: [] }] } }, /relevantTypes: must be a non-empty array of IRIs/],
      [{ context: { contextGroups: [{ objectType: 'group', group: { objectType: 'Group', mbox: 'mailto:g@example.org' } }] } }, /contextGroups\[0\]\.objectType: must be "contextGroup"/],
    ], V2);
    // contextAgents came with 2.0: a 1.0.3 statement cannot carry them.
    await rejects([[{ context: { contextAgents: [] } }, /context\.contextAgents: is not a property of a context \(xAPI 1\.0\.3\)/]]);
    await accepts([{ context: { contextAgents: [{ objectType: 'contextAgent', agent: { mbox: 'mailto:c@example.org' }, relevantTypes: ['http://example.org/t'] }] } }], V2);
  });

  it('stores a single context activity as an array', async () => {
    const res = await lrs.request('POST', '/statements', statement({ context: { contextActivities: { parent: { id: 'http://example.org/parent' } } } }));
    const [id] = (await res.json()) as string[];
    const got = (await (await lrs.request('GET', `/statements?statementId=${id}`)).json()) as { context: { contextActivities: { parent: unknown } } };
    assert.deepEqual(got.context.contextActivities.parent, [{ id: 'http://example.org/parent' }]);
  });

  it('checks SubStatements, timestamps, UUIDs, versions, attachments metadata and nulls', async () => {
    await rejects([
      [sub({ id: '6f1c6a3e-7c1d-4f6e-9a8b-0c2d4e6f8a1b' }), /statement\.object\.id: is not a property of a SubStatement/],
      [sub({ object: { objectType: 'SubStatement', ...statement() } }), /a SubStatement cannot contain a SubStatement/],
      [sub({ timestamp: '2008-09-15T15:53:00.601-00:00' }), /object\.timestamp: must be an ISO 8601 date-time/],
      [{ timestamp: '01/011/2015' }, /statement\.timestamp/],
      [{ id: 'AA97B177-9383-4934-8543-0F91A7A028368' }, /statement\.id: must be a UUID/],
      [{ version: '1.1.0' }, /statement\.version: must be 1\.0\.x or 2\.0\.x/],
      [{ attachments: [{ usageType: 'http://example.org/u', display: { 'en-US': 'a' }, contentType: 'text/plain', length: '27', sha2: 'ab' }] }, /attachments\[0\]\.length/],
      [{ attachments: { usageType: 'x' } }, /statement\.attachments: must be an array/],
      [{ object: null }, /statement\.object: must not be null/],
    ]);
    await accepts([{ timestamp: '2023-05-04T12:00:00-05:00' }, { timestamp: '2023-05-04T17:00:00.123456Z' }]);
  });

  it('stores nothing of a batch when one statement is malformed', async () => {
    const good = statement({ id: '0b7c8a21-51c4-4f0b-8d2e-6b5d3e0c9a11' });
    const res = await lrs.request('POST', '/statements', [good, { ...statement(), result: { success: 'yes' } }]);
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /^statement\[1\]\.result\.success/);
    assert.equal((await lrs.request('GET', `/statements?statementId=${String(good['id'])}`)).status, 404);
  });
});
