import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { isFileError, type Diagnostic } from '../../src/ingest';
import { textAt } from '../../src/ims/xml/element-node';
import { emptySummary, readImsXml } from '../../src/ims/xml/read-ims-xml';
import type { ParseMode } from '../../src/ims/xml/record-reader';
import type { XmlRecord } from '../../src/ims/xml/xml-record';
import { sample } from './support';

interface Read {
  records: XmlRecord[];
  issues: string[];
  rejected: string[];
  encoding: string;
}

async function read(input: Readable, mode: ParseMode = 'TOLERANT'): Promise<Read> {
  const issues: Diagnostic[] = [];
  const rejected: string[] = [];
  const summary = emptySummary();
  const records: XmlRecord[] = [];
  for await (const record of readImsXml(input, { file: 'f.xml', mode, onIssue: (d) => issues.push(d), onRejected: (k) => rejected.push(k) }, summary)) records.push(record);
  return { records, issues: issues.map((d) => `${d.severity} ${d.code} ${d.line ?? '-'}`), rejected, encoding: summary.encoding };
}

const text = (xml: string | Buffer, chunk = 7): Readable => {
  const bytes = Buffer.isBuffer(xml) ? xml : Buffer.from(xml);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts);
};

const kinds = (records: XmlRecord[]): string => records.map((r) => r.kind).join(',');

async function fails(input: Readable, mode: ParseMode, code: string, line: number): Promise<string> {
  try {
    await read(input, mode);
  } catch (error) {
    assert.ok(isFileError(error), String(error));
    assert.equal(error.rule, code);
    assert.equal(error.diagnostic.line, line);
    return error.message;
  }
  assert.fail(`expected ${code}`);
}

describe('IMS XML reader', () => {
  it('reads the Moodle examples in both modes, one-line included', async () => {
    for (const name of ['moodle-examples/example.xml', 'moodle-examples/example-oneline.xml']) {
      for (const mode of ['STRICT', 'TOLERANT'] as const) {
        const { records, issues, encoding } = await read(createReadStream(sample(name)), mode);
        assert.equal(kinds(records), 'properties,person,person,person,person,person,group,member,member,member,member,member,membership', `${name} ${mode}`);
        assert.deepEqual(issues, []);
        assert.equal(encoding, 'windows-1252', 'ISO-8859-1 as WHATWG decoders name it');
      }
    }
    const grouped = await read(createReadStream(sample('moodle-examples/example-grouped.xml')), 'STRICT');
    const member = grouped.records.find((r) => r.kind === 'member');
    assert.equal(member?.kind === 'member' && member.membership.groupId, 'PHRE1001A2005/06T1/2');
    assert.equal(member?.node.path, '/enterprise/membership[1]/member[1]');
    assert.equal(member?.node.line, 111);
  });

  it('tolerates what Moodle tolerates and says so: junk after the root, text before the declaration', async () => {
    const small = await read(createReadStream(sample('thunderbird-colleague/small.xml')));
    assert.equal(kinds(small.records), 'properties,person,person,person,person,group,group,member,member,member,membership,member,membership');
    assert.deepEqual(small.issues, ['WARNING ims.xml.after_root 182', 'ERROR ims.member.orphan 182']);
    assert.deepEqual(small.rejected, ['member']);
    const leading = await read(createReadStream(sample('thunderbird-colleague/one-course-one-student.xml')));
    assert.equal(kinds(leading.records), 'properties,person,group,member,membership');
    assert.deepEqual(leading.issues, ['WARNING ims.xml.declaration_not_first 2']);
  });

  it('refuses the same files in strict mode, naming the line', async () => {
    const junk = await fails(createReadStream(sample('thunderbird-colleague/small.xml')), 'STRICT', 'ims.xml.malformed', 182);
    assert.match(junk, /only one root/);
    await fails(createReadStream(sample('thunderbird-colleague/one-course-one-student.xml')), 'STRICT', 'ims.xml.malformed', 2);
  });

  it('refuses XXE and billion-laughs files in both modes, before expanding or fetching anything', async () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE enterprise [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<enterprise><person><sourcedid><id>&xxe;</id></sourcedid></person></enterprise>';
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n ')}\n]>\n<enterprise><comments>&lol9;</comments></enterprise>`;
    for (const mode of ['STRICT', 'TOLERANT'] as const) {
      const message = await fails(text(xxe), mode, 'ims.xml.entity_declaration', 3);
      assert.match(message, /XXE/);
      await fails(text(laughs, 64), mode, 'ims.xml.entity_declaration', 3);
    }
    // A DOCTYPE that only names the DTD is fine: it is never fetched.
    const named = await read(text('<!DOCTYPE enterprise SYSTEM "http://127.0.0.1:9/ims_epv1p1.dtd">\n<enterprise><group><sourcedid><id>G</id></sourcedid></group></enterprise>'), 'STRICT');
    assert.equal(kinds(named.records), 'group');
  });

  it('decodes entities and CDATA (Moodle does not), and keeps unknown entities as written in tolerant mode', async () => {
    const xml = '<enterprise><group><sourcedid><id>A&amp;B</id></sourcedid><description><short>R&amp;D &lt;1&gt; &#233;&#x20AC;</short><long><![CDATA[x & <y>]]></long></description></group></enterprise>';
    const [group] = (await read(text(xml), 'STRICT')).records;
    assert.equal(textAt(group?.node, 'sourcedid', 'id'), 'A&B');
    assert.equal(textAt(group?.node, 'description', 'short'), 'R&D <1> é€');
    assert.equal(textAt(group?.node, 'description', 'long'), 'x & <y>');
    const sloppy = await read(text('<enterprise><group><sourcedid><id>G</id></sourcedid><description><short>Smith & Jones</short>\n<long>A&nbsp;B</long></description></group></enterprise>'));
    assert.equal(textAt(sloppy.records[0]?.node, 'description', 'short'), 'Smith & Jones');
    assert.equal(textAt(sloppy.records[0]?.node, 'description', 'long'), 'A&nbsp;B');
    assert.deepEqual(sloppy.issues, ['WARNING ims.xml.entity 1', 'WARNING ims.xml.entity 2']);
    await fails(text('<enterprise>\n<group><description><short>Smith & Jones</short></description></group></enterprise>'), 'STRICT', 'ims.xml.malformed', 2);
  });

  it('matches names case-insensitively and drops namespace prefixes in tolerant mode; reports unknown wrappers', async () => {
    const xml = '<ims:enterprise xmlns:ims="urn:x"><Batch><PERSON RecStatus="2"><SourcedId><ID>p1</ID></SourcedId></PERSON></Batch><ims:person><ims:sourcedid><ims:id>p2</ims:id></ims:sourcedid></ims:person></ims:enterprise>';
    const { records, issues } = await read(text(xml));
    assert.deepEqual(records.map((r) => textAt(r.node, 'sourcedid', 'id')), ['p1', 'p2']);
    assert.equal(records[0]?.node.attributes['recstatus'], '2');
    assert.deepEqual(issues, ['WARNING ims.element.unknown 1']);
    const strict = await read(text(xml), 'STRICT');
    assert.deepEqual(strict.records.map((r) => textAt(r.node, 'sourcedid', 'id')), [undefined, 'p2'].slice(1), 'strict XML is case-sensitive: <PERSON> is not <person>');
  });

  it('honours the declared encoding, and falls back to Windows-1252 for invalid UTF-8 in tolerant mode only', async () => {
    const latin1 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><enterprise><person><name><fn>Ren'), Buffer.from([0xe9]), Buffer.from('e</fn></name></person></enterprise>')]);
    assert.equal(textAt((await read(text(latin1), 'STRICT')).records[0]?.node, 'name', 'fn'), 'Renée'.replace('ée', 'ée'));
    const mislabelled = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<enterprise><person><name><fn>Ren'), Buffer.from([0xe9]), Buffer.from('e</fn></name></person></enterprise>')]);
    const tolerant = await read(text(mislabelled, 2048));
    assert.equal(textAt(tolerant.records[0]?.node, 'name', 'fn'), 'Renée'.normalize());
    assert.deepEqual(tolerant.issues, ['WARNING ims.xml.encoding_fallback 1']);
    await fails(text(mislabelled, 2048), 'STRICT', 'ims.xml.encoding_invalid', 1);
  });

  it('reports an element cut off by the end of the file instead of applying half of it', async () => {
    const { records, issues, rejected } = await read(text('<enterprise><person><sourcedid><id>p1</id></sourcedid></person>\n<person><sourcedid><id>p2'));
    assert.equal(kinds(records), 'person');
    assert.ok(issues.includes('ERROR ims.element.unclosed 2'), issues.join('; '));
    assert.deepEqual(rejected, ['person']);
  });

  it('hands members on one by one, waiting for a membership id that comes after them', async () => {
    const xml = '<enterprise><membership><member><sourcedid><id>p1</id></sourcedid></member><sourcedid><id>G</id></sourcedid><member><sourcedid><id>p2</id></sourcedid></member></membership></enterprise>';
    const { records } = await read(text(xml));
    assert.deepEqual(
      records.map((r) => (r.kind === 'member' ? `${r.kind}:${r.membership.groupId}:${textAt(r.node, 'sourcedid', 'id')}` : r.kind)),
      ['member:G:p1', 'member:G:p2', 'membership'],
    );
  });

  it('keeps memory flat on a generated 80 MB stream with one huge membership', async () => {
    const members = 400_000;
    async function* generate(): AsyncGenerator<Buffer> {
      yield Buffer.from('<?xml version="1.0"?>\n<enterprise>\n<membership><sourcedid><id>BIG</id></sourcedid>\n');
      const row = (i: number): string =>
        `<member><sourcedid><source>SIS</source><id>P${i}</id></sourcedid><idtype>1</idtype><role roletype="01"><status>1</status><timeframe><begin restrict="1">2025-09-01</begin></timeframe></role></member>\n`;
      for (let i = 0; i < members; i += 1000) yield Buffer.from(Array.from({ length: 1000 }, (_, k) => row(i + k)).join(''));
      yield Buffer.from('</membership>\n</enterprise>\n');
    }
    // What the reader retains, not what the collector has yet to reclaim: collect first.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    const summary = emptySummary();
    for await (const record of readImsXml(Readable.from(generate()), { file: 'big.xml', mode: 'STRICT', onIssue: () => {}, onRejected: () => {} }, summary)) {
      if (record.kind === 'member') count++;
      if (count % 100_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    assert.equal(count, members);
    assert.ok(summary.bytes > 75_000_000, `${summary.bytes} bytes`);
    assert.ok(peak < 16 * 1024 * 1024, `heap grew by ${(peak / 1024 / 1024).toFixed(0)} MiB while reading one ${(summary.bytes / 1e6).toFixed(0)} MB membership`);
  });
});
