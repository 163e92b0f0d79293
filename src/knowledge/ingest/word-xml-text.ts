/** Why WordprocessingML could not be read: not a Word body at all, or markup no reader should accept. */
export class WordXmlError extends Error {
  override readonly name = 'WordXmlError';

  constructor(
    readonly kind: 'not_word' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** Markup (a tag, comment or declaration) longer than this is not something Word writes. */
const MAX_MARKUP = 1024 * 1024;
/** Joined into one string every so often: millions of tiny strings cost far more than their characters. */
const MAX_PARTS = 4096;

/** Word elements whose text is not part of what the document says: deletions and field codes. */
const SKIPPED = new Set(['del', 'delText', 'delInstrText', 'instrText', 'moveFrom']);
const MEANINGFUL = ['p', 'r', 't', 'tab', 'br', 'cr', 'noBreakHyphen', ...SKIPPED];

/** Until the root element is known: any markup, to find the root and the prefix of the Word namespace. */
const PROLOGUE = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(!)(?=[A-Za-z])|<([^\s/>!?]+)([^>]*)>/y;
/** Markup that may contain "<" and so hide a tag: the part of a piece from an unfinished one on is carried. */
const CONTAINERS: ReadonlyArray<[open: string, close: string]> = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];
const NAMESPACE_DECLARATION = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Pulls the readable text out of a Word body (word/document.xml) fed in pieces of any size, holding only
 * the text and at most one unfinished tag, so memory follows the text, not the XML. Paragraphs end with a
 * blank line (as mammoth's raw text does), tabs and line breaks inside runs are kept; deleted text, field
 * codes and the fallback copies of text boxes (mc:Fallback) are left out. A DTD is refused: Office never
 * writes one and it is how entity-expansion bombs are made.
 *
 * Once the root element is read, one regular expression finds only the tags that matter (and the
 * comments, CDATA sections and processing instructions that could hide one), so the millions of
 * formatting tags in a large document are skipped by the regex engine instead of visited one by one.
 */
export class WordXmlText {
  private carry = '';
  private parts: string[] = [];
  private readonly blocks: string[] = [];
  private meaningful: RegExp | undefined;
  private textDepth = 0;
  private runDepth = 0;
  private skipDepth = 0;
  /** Characters of text collected so far, so the caller can stop early. */
  length = 0;

  push(piece: string): void {
    const input = this.carry + piece;
    this.carry = input.slice(this.meaningful ? this.scan(input, false) : this.scanPrologue(input));
    if (this.carry.length > MAX_MARKUP) throw new WordXmlError('malformed', `markup longer than ${MAX_MARKUP} characters`);
  }

  /** The text, once the whole part has been pushed. */
  finish(): string {
    if (!this.meaningful) throw new WordXmlError('not_word', 'the part has no root element');
    this.scan(this.carry, true);
    this.carry = '';
    return [...this.blocks, ...this.parts].join('');
  }

  /** Reads up to and including the root element; returns where the unread rest begins. */
  private scanPrologue(input: string): number {
    let pos = 0;
    while (pos < input.length) {
      PROLOGUE.lastIndex = pos;
      const m = PROLOGUE.exec(input);
      if (!m) {
        const next = input.indexOf('<', pos);
        if (next === pos) return pos; // unfinished markup: wait for more
        if (next < 0) return input.length; // whitespace before the root
        pos = next;
        continue;
      }
      pos = PROLOGUE.lastIndex;
      const [, declaration, name, attributes] = m;
      if (declaration) throw new WordXmlError('malformed', 'a document type declaration (DTD)');
      if (name !== undefined) {
        this.meaningful = meaningfulTags(rootPrefix(name, attributes ?? ''));
        return this.scan(input, false, pos);
      }
    }
    return pos;
  }

  /** Handles every meaningful tag in `input` from `from`; returns where the part to carry begins. */
  private scan(input: string, final: boolean, from = 0): number {
    const pattern = this.meaningful!;
    let limit = final ? input.length : unfinishedContainer(input, from);
    pattern.lastIndex = from;
    let last = from;
    for (let m = pattern.exec(input); m && m.index < limit; m = pattern.exec(input)) {
      if (this.textDepth > 0) this.onText(input.slice(last, m.index));
      last = pattern.lastIndex;
      // What looked unfinished was inside a complete comment or CDATA section (e.g. "<!-- <? -->").
      if (last > limit) limit = final ? input.length : unfinishedContainer(input, last);
      const [, cdata, declaration, slash, local, fallback, attributes] = m;
      if (cdata !== undefined) this.onText(cdata, true);
      else if (declaration) throw new WordXmlError('malformed', 'a document type declaration (DTD)');
      else if (local !== undefined || fallback !== undefined) {
        this.onElement(local ?? 'Fallback', slash === '/', (attributes ?? '').endsWith('/'));
      }
    }
    const keep = final ? input.length : carryStart(input, last, limit, this.textDepth > 0 && this.skipDepth === 0);
    if (this.textDepth > 0) this.onText(input.slice(last, keep));
    return keep;
  }

  private onElement(local: string, closing: boolean, selfClosing: boolean): void {
    // mc:AlternateContent holds the same content twice; its Choice is read, its Fallback is not.
    if (local === 'Fallback' || SKIPPED.has(local)) this.nest('skip', closing, selfClosing);
    else if (local === 't') this.nest('text', closing, selfClosing);
    else if (local === 'r') this.nest('run', closing, selfClosing);
    else if (local === 'p') {
      if (closing || selfClosing) this.emit('\n\n');
    } else if (this.runDepth > 0 && !closing) {
      if (local === 'tab') this.emit('\t');
      else if (local === 'br' || local === 'cr') this.emit('\n');
      else if (local === 'noBreakHyphen') this.emit('-');
    }
  }

  private nest(kind: 'skip' | 'text' | 'run', closing: boolean, selfClosing: boolean): void {
    if (selfClosing) return;
    const step = closing ? -1 : 1;
    // Clamped at zero so stray closing tags cannot switch text off for the rest of the document.
    if (kind === 'skip') this.skipDepth = Math.max(0, this.skipDepth + step);
    else if (kind === 'text') this.textDepth = Math.max(0, this.textDepth + step);
    else this.runDepth = Math.max(0, this.runDepth + step);
  }

  /** Characters between meaningful tags count only inside <w:t>; a stray tag there is dropped. */
  private onText(text: string, raw = false): void {
    if (!text || this.textDepth === 0) return;
    if (raw) this.emit(text);
    else this.emit(decodeEntities(text.includes('<') ? text.replace(/<[^>]*>/g, '') : text));
  }

  private emit(text: string): void {
    if (this.skipDepth > 0 || !text) return;
    this.parts.push(text);
    this.length += text.length;
    if (this.parts.length >= MAX_PARTS) {
      this.blocks.push(this.parts.join(''));
      this.parts = [];
    }
  }
}

/** The prefix bound to the Word namespace on the root element ("w:" nearly always), checking it is a Word body. */
function rootPrefix(name: string, attributes: string): string {
  let prefix: string | undefined;
  for (const m of attributes.matchAll(NAMESPACE_DECLARATION)) {
    if (WORD_NAMESPACES.has(m[2] ?? m[3] ?? '')) prefix = m[1] ? `${m[1]}:` : '';
  }
  if (prefix === undefined || name !== `${prefix}document`) {
    throw new WordXmlError('not_word', `the root element is <${name.slice(0, 100)}>, not a Word document`);
  }
  return prefix;
}

function meaningfulTags(prefix: string): RegExp {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const names = MEANINGFUL.join('|');
  return new RegExp(
    `<!--[\\s\\S]*?-->|<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|<\\?[\\s\\S]*?\\?>|<(!)(?=[A-Za-z])|` +
      `<(\\/?)(?:${escaped}(${names})|[\\w.-]+:(Fallback))(?=[\\s/>])([^>]*)>`,
    'g',
  );
}

/** Where the first comment, CDATA section or processing instruction still waiting for its end begins. */
function unfinishedContainer(input: string, from: number): number {
  let limit = input.length;
  for (const [open, close] of CONTAINERS) {
    const lastClose = input.lastIndexOf(close);
    const start = input.indexOf(open, Math.max(from, lastClose < 0 ? 0 : lastClose + close.length));
    if (start >= 0) limit = Math.min(limit, start);
  }
  return limit;
}

/**
 * Where the unread end of a piece begins: an unfinished container (`limit`), else an unfinished tag,
 * else, inside text, an entity cut in half.
 */
function carryStart(input: string, from: number, limit: number, inText: boolean): number {
  const tail = input.slice(from, limit);
  const lt = tail.lastIndexOf('<');
  if (lt >= 0 && !tail.includes('>', lt)) return from + lt;
  if (inText) {
    const amp = tail.lastIndexOf('&');
    if (amp >= 0 && !tail.includes(';', amp)) return from + amp;
  }
  return limit;
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
    if (named) return NAMED_ENTITIES[named]!;
    const code = hex ? Number.parseInt(hex, 16) : Number(decimal);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    // Control characters are not text (and PostgreSQL refuses NUL); tab and line breaks are.
    return code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd ? '' : String.fromCodePoint(code);
  });
}
