import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PDFParse } from 'pdf-parse';
import { UrlSigner } from '../../src/compliance/http/url-signer';
import { RosterFactory } from '../factories/roster.factory';
import { LmsFolder, QUIZ_HEADERS } from '../records/lms-files';
import { runLms } from '../records/lms-support';
import { AUTH, gid, ok, statements } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';

const KEY = 'certificate-test-signing-key-0123456789abcdef';
const DAY = 86_400_000;
const daysFromNow = (n: number): string => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

async function pdfText(body: ArrayBuffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('certificates', () => {
  let app: TestApp;
  const files = new LmsFolder('certificates');
  let user: string;
  const urls: Record<string, string | null> = {};

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0, env: { URL_SIGNING_KEY: KEY, SIGNED_URL_TTL_SECONDS: '600' } });
    const f = new RosterFactory(app.db.dataSource);
    const trust = await f.org({ name: 'Northfield Health Trust', type: 'district' });
    const ward = await f.org({ name: 'Ward 7', parentId: trust.id });
    const u = await f.user({ username: 'amy', givenName: 'Amy', familyName: 'Adams' });
    user = u.id;
    await f.identifiers([{ userId: u.id, kind: 'identifier', value: 'C1' }]);
    await f.roles([{ userId: u.id, orgId: ward.id }]);
    await runLms(app, {
      path: files.write(`Quiz${daysFromNow(0).replace(/-/g, '')}`, QUIZ_HEADERS, [
        ['amy', 'C1', daysFromNow(-10), 'Infection Control', 1, 62, 'Failed'],
        ['amy', 'C1', daysFromNow(-3), 'Infection Control', 2, 91.5, 'Passed'],
      ]),
    });
    const [item] = (await app.db.dataSource.query(`select id::text from learning_item where name = 'Infection Control'`)) as [{ id: string }];
    ok(await app.gql(`mutation($id: ID!) { setLearningItemValidity(itemId: $id, validity: { months: 12 }) { id } }`, { id: gid('LearningItem', item.id) }));
    const res = await app.gql<{ node: { learningHistory: { nodes: { status: string; certificateUrl: string | null }[] } } }, unknown>(
      `query($id: ID!) { node(id: $id) { ... on User { learningHistory(first: 10) { nodes { status ... on LearningRecord { certificateUrl } } } } } }`,
      { id: gid('User', user) },
    );
    for (const n of ok(res).node.learningHistory.nodes) urls[n.status] = n.certificateUrl;
    assert.equal(statements(res), AUTH + 2, 'the user and the timeline: links are signed without reading anything');
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  it('links each completion to a signed PDF certificate that says who, what, when, the score, until when and who issued it', async () => {
    assert.equal(urls['FAILED'], null, 'a failed attempt has no certificate');
    const url = urls['PASSED'];
    assert.match(url ?? '', /^\/certificates\/\d+\.pdf\?expires=\d+&sig=[\w-]+$/);
    const res = await fetch(`${app.url}${url}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const text = (await pdfText(await res.arrayBuffer())).replace(/\s+/g, ' ');
    for (const expected of ['Certificate of Completion', 'Amy Adams', 'Infection Control', `Completed on: ${daysFromNow(-3)}`, 'Score: 91.5', 'Valid until: ', 'Issued by: Northfield Health Trust']) {
      assert.ok(text.includes(expected), `"${expected}" in: ${text}`);
    }
    const validUntil = new Date(`${daysFromNow(-3)}T00:00:00Z`);
    validUntil.setUTCMonth(validUntil.getUTCMonth() + 12);
    assert.ok(text.includes(`Valid until: ${validUntil.toISOString().slice(0, 10)}`), text);
  });

  it('refuses a tampered or expired link with 403', async () => {
    const url = new URL(`${app.url}${urls['PASSED']}`);
    const sig = url.searchParams.get('sig') as string;
    const tampered = new URL(url);
    tampered.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    assert.equal((await fetch(tampered)).status, 403);
    const otherRecord = new URL(url);
    otherRecord.pathname = otherRecord.pathname.replace(/\d+\.pdf$/, (m) => `${Number(m.slice(0, -4)) + 1}.pdf`);
    assert.equal((await fetch(otherRecord)).status, 403, 'a signature covers its record only');
    const longer = new URL(url);
    longer.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    assert.equal((await fetch(longer)).status, 403, 'the expiry cannot be pushed back');
    const expired = new UrlSigner(KEY, 600, undefined).sign(url.pathname, Date.now() - 3_600_000);
    assert.equal((await fetch(`${app.url}${expired}`)).status, 403);
    const fresh = new UrlSigner(KEY, 600, undefined).sign(url.pathname);
    assert.equal((await fetch(`${app.url}${fresh}`)).status, 200, 'the same key signs for every process');
    assert.equal((await fetch(`${app.url}/certificates/${url.pathname.match(/(\d+)\.pdf/)![1]}.pdf`)).status, 403, 'no signature');
  });
});
