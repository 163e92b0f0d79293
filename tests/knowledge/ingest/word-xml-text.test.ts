import { describe, expect, it } from 'vitest';
import { WordXmlError, WordXmlText } from '../../../src/knowledge/ingest/word-xml-text.js';
import { documentXml } from './support/make-docx.js';

/** The text of a Word body pushed in pieces of `size` characters (everything at once by default). */
function textOf(xml: string, size = xml.length): string {
  const collector = new WordXmlText();
  for (let i = 0; i < xml.length; i += size) collector.push(xml.slice(i, i + size));
  return collector.finish();
}

function kindOf(xml: string): WordXmlError['kind'] | 'ok' {
  try {
    textOf(xml);
    return 'ok';
  } catch (error) {
    if (error instanceof WordXmlError) return error.kind;
    throw error;
  }
}

const BODY =
  '<w:p w:rsidR="00A1"><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
  '<w:r><w:t>Pasal 1</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">ayat &amp; &lt;satu&gt; &#8212; &#x41;</w:t></w:r></w:p>' +
  '<w:p><w:r><w:t>baris satu</w:t><w:br/><w:t>baris dua</w:t></w:r></w:p>' +
  '<w:p/>' +
  '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Sel A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Sel B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
  '<!-- <w:t>komentar</w:t> <? --><w:p><w:r><w:t><![CDATA[a < b]]></w:t></w:r></w:p>';
const EXPECTED = 'Pasal 1\tayat & <satu> — A\n\nbaris satu\nbaris dua\n\n\n\nSel A\n\nSel B\n\na < b\n\n';

describe('WordXmlText', () => {
  it('keeps paragraphs, tabs inside runs, line breaks, table cells, entities and CDATA', () => {
    expect(textOf(documentXml(BODY))).toBe(EXPECTED);
  });

  it('gives the same text however the XML is cut into pieces', () => {
    const xml = documentXml(BODY);
    for (const size of [1, 2, 3, 7, 64]) expect(textOf(xml, size)).toBe(EXPECTED);
  });

  it('leaves out deleted text, field codes and the fallback copy of a text box', () => {
    const body =
      '<w:p><w:r><w:t>Inovasi </w:t></w:r><w:del><w:r><w:delText>lama </w:delText></w:r></w:del>' +
      '<w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:t>daerah</w:t></w:r></w:p>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Kotak</w:t></w:r></w:p></w:txbxContent></mc:Choice>' +
      '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Kotak</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>';
    expect(textOf(documentXml(body))).toBe('Inovasi daerah\n\nKotak\n\n\n\n');
  });

  it('reads a body whose Word namespace is bound to another prefix', () => {
    const xml =
      '<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<x:body><x:p><x:r><x:t>Halo</x:t></x:r></x:p><w:p><w:r><w:t>bukan Word</w:t></w:r></w:p></x:body></x:document>';
    expect(textOf(xml)).toBe('Halo\n\n');
  });

  it('drops control characters written as character references', () => {
    expect(textOf(documentXml('<w:p><w:r><w:t>a&#0;b&#7;c&#9;d</w:t></w:r></w:p>'))).toBe('abc\td\n\n');
  });

  it('refuses a DTD, which is how entity-expansion bombs are declared', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]>' + documentXml('');
    expect(kindOf(xml)).toBe('malformed');
  });

  it('refuses a part that is not a Word body, or has no root element', () => {
    expect(kindOf('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')).toBe(
      'not_word',
    );
    expect(kindOf('   ')).toBe('not_word');
  });

  it('refuses a tag longer than any Word writes instead of holding it in memory', () => {
    const collector = new WordXmlText();
    collector.push(`${documentXml('').slice(0, 200)}<w:p w:x="`);
    expect(() => {
      for (let i = 0; i < 40; i += 1) collector.push('a'.repeat(64 * 1024));
    }).toThrow(WordXmlError);
  });

  it('counts the characters collected so far, so a caller can stop at a limit', () => {
    const collector = new WordXmlText();
    collector.push(documentXml('<w:p><w:r><w:t>12345</w:t></w:r></w:p>'));
    expect(collector.length).toBe(7);
  });
});
