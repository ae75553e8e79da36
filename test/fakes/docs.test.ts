import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SERVER_ERROR } from './calls';
import { DOCUMENT_CLOSED, LAST_PARAGRAPH, MUST_BE_DETACHED } from './docElement';
import { createDocsWorld, linesOf, type DocSpec, type TableDump } from './docsWorld';
import { ITERATOR_END, MimeType, NO_ITEM } from './drive';

type Doc = GoogleAppsScript.Document.Document;

function worldWith(spec: DocSpec) {
  const world = createDocsWorld();
  const model = world.addDocument(spec);
  const doc: Doc = world.services.DocumentApp.openById(model.id);
  return { world, model, doc, body: doc.getBody() };
}

const letter: DocSpec = {
  name: 'Template',
  header: ['{{group}}'],
  body: ['Dear {{name}},', 'Vote on {{date}}.', { table: [['Round', 'Votes'], ['{{round.number}}', '{{round.votes}}']] }, ''],
  footer: ['Sent {{date}}'],
};

describe('findText', () => {
  it('gives the Text of the paragraph and the offsets of the match, the end inclusive', () => {
    const { body } = worldWith(letter);
    const found = body.findText('\\{\\{date\\}\\}');
    expect(found.getElement().asText().getText()).toBe('Vote on {{date}}.');
    expect([found.getStartOffset(), found.getEndOffsetInclusive()]).toEqual([8, 15]);
  });

  it('reads braces that start no repetition as literal braces, as RE2 does', () => {
    const { body } = worldWith(letter);
    const found = body.findText('{{name}}');
    expect([found.getStartOffset(), found.getEndOffsetInclusive()]).toEqual([5, 12]);
  });

  it('continues after a previous result, into the next paragraphs, then gives null', () => {
    const { body } = worldWith({ name: 'D', body: ['a {{x}} b {{x}}', 'c {{x}}'] });
    const first = body.findText('\\{\\{x\\}\\}');
    const second = body.findText('\\{\\{x\\}\\}', first);
    const third = body.findText('\\{\\{x\\}\\}', second);
    expect([first, second, third].map((r) => [r.getElement().asText().getText(), r.getStartOffset()])).toEqual([
      ['a {{x}} b {{x}}', 2], ['a {{x}} b {{x}}', 10], ['c {{x}}', 2],
    ]);
    expect(body.findText('\\{\\{x\\}\\}', third)).toBeNull();
  });

  it('matches each paragraph on its own: ^ is the start of a paragraph, and no match spans two', () => {
    const { body } = worldWith(letter);
    expect(body.findText('^Vote').getStartOffset()).toBe(0);
    expect(body.findText(',\\nVote')).toBeNull();
  });

  it('is case-sensitive unless the pattern starts with (?i), and takes \\Q…\\E as literal text', () => {
    const { body } = worldWith(letter);
    expect(body.findText('dear')).toBeNull();
    expect(body.findText('(?i)dear').getStartOffset()).toBe(0);
    expect(body.findText('\\Q{{date}}.\\E').getStartOffset()).toBe(8);
  });

  it('refuses what RE2 refuses: lookahead and backreferences', () => {
    const { body } = worldWith(letter);
    expect(() => body.findText('\\{\\{(?=name)')).toThrow(/Invalid regular expression/);
    expect(() => body.findText('(e)\\1')).toThrow(/Invalid regular expression/);
  });

  it('sees a placeholder split across two formatting runs as one piece of text', () => {
    const { world, model, body } = worldWith({ name: 'D', body: [['Dear {{na', { text: 'me}},', bold: true }]] });
    const found = body.findText('\\{\\{name\\}\\}');
    expect([found.getStartOffset(), found.getEndOffsetInclusive()]).toEqual([5, 12]);
    expect(world.dump(model).body).toEqual([{ text: 'Dear {{name}},', runs: [{ text: 'Dear {{na' }, { text: 'me}},', bold: true }] }]);
  });

  it('searches headers, footers and table cells too', () => {
    const { doc, body } = worldWith(letter);
    expect(doc.getHeader().findText('group')?.getStartOffset()).toBe(2);
    expect(doc.getFooter().findText('date')?.getStartOffset()).toBe(7);
    expect(String(body.findText('round\\.votes').getElement().getParent().getParent().getType())).toBe('TABLE_CELL');
  });
});

describe('replaceText follows Apps Script, so a value must never go through it', () => {
  const replaced = (replacement: string, pattern = '\\{\\{name\\}\\}', text = 'Dear {{name}},') => {
    const { body } = worldWith({ name: 'D', body: [text] });
    body.replaceText(pattern, replacement);
    return body.getText();
  };

  it('puts the whole match back for $0, so a name "$0" re-inserts the placeholder', () => {
    expect(replaced('$0 and $0')).toBe('Dear {{name}} and {{name}},');
  });

  it('refuses a $ followed by a group the pattern does not have', () => {
    expect(() => replaced('Ana $1')).toThrow('n > number of groups: 1');
  });

  it('drops a backslash and keeps the character after it', () => {
    expect(replaced('C:\\new\\$5')).toBe('Dear C:new$5,');
  });

  it('keeps $& and a $ before a letter or at the end as they are (unlike JavaScript)', () => {
    expect(replaced("$& O'Brien $a US$")).toBe("Dear $& O'Brien $a US$,");
  });

  it('substitutes groups, taking as many digits as make a group number', () => {
    expect(replaced('$2 at $1', '(\\w+)@(\\w+)', 'mail ann@example')).toBe('mail example at ann');
    expect(replaced('$12', '(a)', 'a')).toBe('a2');
  });

  it('gives the new text the formatting of the first character it replaces', () => {
    const { world, model, body } = worldWith({ name: 'D', body: [['We endorse ', { text: '{{name}} for mayor', bold: true }, '.']] });
    body.replaceText('\\{\\{name\\}\\}', 'Ana Diaz');
    expect(world.dump(model).body).toEqual([
      { text: 'We endorse Ana Diaz for mayor.', runs: [{ text: 'We endorse ' }, { text: 'Ana Diaz for mayor', bold: true }, { text: '.' }] },
    ]);
  });
});

describe('Text keeps the formatting of each character', () => {
  const spec: DocSpec = { name: 'D', body: [['We endorse ', { text: '{{name}} for mayor', bold: true }, '.']] };

  it('gives inserted text the formatting of the character before it, as typing does', () => {
    const { world, model, body } = worldWith(spec);
    const text = body.getParagraphs()[0]!.editAsText();
    text.deleteText(11, 18);
    text.insertText(11, 'Ana Diaz');
    expect(world.dump(model).body).toEqual([
      { text: 'We endorse Ana Diaz for mayor.', runs: [{ text: 'We endorse Ana Diaz' }, { text: ' for mayor', bold: true }, { text: '.' }] },
    ]);
  });

  it('keeps a bold placeholder bold when the value is inserted inside it before it is deleted', () => {
    const { world, model, body } = worldWith(spec);
    const text = body.getParagraphs()[0]!.editAsText();
    text.insertText(12, 'Ana Diaz');
    text.deleteText(11, 11);
    text.deleteText(19, 25);
    expect(world.dump(model).body[0]).toEqual({
      text: 'We endorse Ana Diaz for mayor.', runs: [{ text: 'We endorse ' }, { text: 'Ana Diaz for mayor', bold: true }, { text: '.' }],
    });
  });

  it('reports where runs start and what each character carries', () => {
    const { world, body } = worldWith({ name: 'D', body: [['ab', { text: 'cd', bold: true, link: 'https://x.org' }, 'ef']] });
    const text = body.getChild(0).asParagraph().editAsText();
    const { Attribute } = world.services.DocumentApp;
    expect(text.getTextAttributeIndices()).toEqual([0, 2, 4]);
    expect([text.isBold(), text.isBold(2), text.isBold(4)]).toEqual([null, true, false]);
    expect(text.getAttributes(2)[Attribute.LINK_URL as unknown as string]).toBe('https://x.org');
    expect(text.getAttributes()[Attribute.BOLD as unknown as string]).toBeNull();
    text.deleteText(1, 2);
    expect(text.getText()).toBe('adef');
    expect(text.getTextAttributeIndices()).toEqual([0, 1, 2]);
  });

  it('sets bold on a range only', () => {
    const { world, model, body } = worldWith({ name: 'D', body: ['Ana Diaz wins'] });
    body.editAsText().setBold(0, 7, true);
    expect(world.dump(model).body[0]).toEqual({ text: 'Ana Diaz wins', runs: [{ text: 'Ana Diaz', bold: true }, { text: ' wins' }] });
  });

  it('keeps a line break typed inside a paragraph as "\\r", as Docs does', () => {
    const { body } = worldWith({ name: 'D', body: ['x'] });
    body.getParagraphs()[0]!.setText('12 Main St\nSpringfield');
    expect(body.getParagraphs()[0]!.getText()).toBe('12 Main St\rSpringfield');
  });
});

describe('copies are deep', () => {
  it('a Drive copy of a template is a new document; filling it leaves the template as it was', () => {
    const { world, model } = worldWith(letter);
    const { DriveApp, DocumentApp } = world.services;
    const before = world.dump(model);
    const folder = DriveApp.createFolder('Announcements');
    const file = DriveApp.getFileById(model.id).makeCopy('Mayor, 2026-05-26', folder);
    const copy = DocumentApp.openById(file.getId());
    copy.getBody().replaceText('\\{\\{name\\}\\}', 'Ana');
    copy.getBody().editAsText().setBold(true);
    copy.getHeader().replaceText('\\{\\{group\\}\\}', 'Riverside');
    expect(world.dump(model)).toEqual(before);
    expect(copy.getBody().getParagraphs()[0]!.getText()).toBe('Dear Ana,');
    expect(copy.getHeader().getText()).toBe('Riverside');
    expect([file.getName(), file.getMimeType(), file.getParents().next().getName()]).toEqual(['Mayor, 2026-05-26', MimeType.GOOGLE_DOCS, 'Announcements']);
    expect(folder.getFiles().next().getId()).toBe(file.getId());
  });

  it('a copied paragraph is detached, and a paragraph still in place cannot be inserted again', () => {
    const { body } = worldWith(letter);
    const first = body.getChild(0).asParagraph();
    expect(first.copy().getParent()).toBeNull();
    body.appendParagraph(first.copy()).setText('P.S.');
    expect(first.getText()).toBe('Dear {{name}},');
    expect(body.getChild(body.getNumChildren() - 1).asParagraph().getText()).toBe('P.S.');
    expect(() => body.appendParagraph(first)).toThrow(MUST_BE_DETACHED);
  });
});

describe('tables', () => {
  const results: DocSpec = {
    name: 'D',
    body: [{ table: [['Round', 'Votes'], [[{ text: '{{round.number}}', bold: true }], '{{round.votes}}']] }, ''],
  };

  it('repeat a template row by inserting copies, each keeping the row formatting', () => {
    const { world, model, body } = worldWith(results);
    const table = body.getTables()[0]!;
    const template = table.getRow(1);
    for (const [i, votes] of [['1', '20'], ['2', '31']].entries()) {
      const row = table.insertTableRow(2 + i, template.copy());
      row.replaceText('\\{\\{round\\.number\\}\\}', votes[0]!);
      row.getCell(1).editAsText().setText(votes[1]!);
    }
    table.removeRow(1);
    const dumped = world.dump(model).body[0]!;
    expect(linesOf([dumped])).toEqual(['Round | Votes', '1 | 20', '2 | 31']);
    expect('cells' in dumped && dumped.cells[2]![0]).toEqual([{ text: '2', runs: [{ text: '2', bold: true }] }]);
  });

  it('refuse a row that is still in a table', () => {
    const { body } = worldWith(results);
    const table = body.getTables()[0]!;
    expect(() => table.insertTableRow(1, table.getRow(1))).toThrow(MUST_BE_DETACHED);
  });

  it('appended at the end of the body are followed by an empty paragraph, which cannot be removed', () => {
    const { body } = worldWith({ name: 'D', body: ['Results'] });
    body.appendTable([['Ana', '35']]);
    expect(body.getNumChildren()).toBe(3);
    const last = body.getChild(2).asParagraph();
    expect(last.getText()).toBe('');
    expect(() => last.removeFromParent()).toThrow(LAST_PARAGRAPH);
    body.getChild(0).asParagraph().removeFromParent();
    expect(body.getChild(0).asTable().getText()).toBe('Ana\n35');
  });
});

describe('elements', () => {
  it('say their type and can be cast only to it', () => {
    const { world, body } = worldWith({ name: 'D', body: [{ runs: 'Result', heading: 'HEADING1' }, { runs: 'Ana', list: true }, ''] });
    const { ElementType, ParagraphHeading } = world.services.DocumentApp;
    expect(body.getChild(0).asParagraph().getHeading()).toBe(ParagraphHeading.HEADING1);
    expect(body.getChild(1).getType()).toBe(ElementType.LIST_ITEM);
    expect(String(body.getChild(0).asParagraph().getChild(0).getType())).toBe('TEXT');
    expect(body.getChild(2).asParagraph().getNumChildren()).toBe(0);
    expect(() => body.getChild(0).asTable()).toThrow(/cannot be cast/);
    expect(() => body.getChild(3)).toThrow('Child index (3) must be less than the number of child elements (3).');
  });

  it('list every paragraph of a section, those in table cells included', () => {
    const { body } = worldWith(letter);
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['Dear {{name}},', 'Vote on {{date}}.', 'Round', 'Votes', '{{round.number}}', '{{round.votes}}', '']);
  });

  it('of a closed document refuse every call; opening it again works', () => {
    const { world, model, doc, body } = worldWith(letter);
    doc.saveAndClose();
    expect(() => body.getText()).toThrow(DOCUMENT_CLOSED);
    expect(() => doc.getBody()).toThrow(DOCUMENT_CLOSED);
    expect(world.services.DocumentApp.openById(model.id).getName()).toBe('Template');
  });

  it('of a document without a header give null for it', () => {
    const { doc } = worldWith({ name: 'D', body: ['x'] });
    expect([doc.getHeader(), doc.getFooter()]).toEqual([null, null]);
  });

  it('include a table of contents, which has a type of its own and goes with a Drive copy', () => {
    const { world, model, body } = worldWith({ name: 'D', body: ['Contents', { tableOfContents: true }, 'x'] });
    const toc = body.getChild(1);
    expect(String(toc.getType())).toBe('TABLE_OF_CONTENTS');
    expect(toc.copy().getParent()).toBeNull();
    const copy = world.services.DriveApp.getFileById(model.id).makeCopy('Copy');
    expect(world.dump(copy.getId()).body).toEqual(world.dump(model).body);
    expect(linesOf(world.dump(model).body)).toEqual(['Contents', '[table of contents]', 'x']);
  });
});

describe('building a document element by element', () => {
  it('a new document has an empty body and no header or footer; each can be added once, holding one empty paragraph', () => {
    const { DocumentApp } = createDocsWorld().services;
    const doc = DocumentApp.create('New');
    expect(doc.getBody().getNumChildren()).toBe(1);
    expect([doc.getHeader(), doc.getFooter()]).toEqual([null, null]);
    const header = doc.addHeader();
    expect([header.getNumChildren(), header.getText()]).toEqual([1, '']);
    expect(doc.getHeader().getText()).toBe('');
    doc.addFooter().appendParagraph('Page footer');
    expect(doc.getFooter().getText()).toBe('\nPage footer');
    expect(() => doc.addHeader()).toThrow(/already contains a header/);
    expect(() => doc.addFooter()).toThrow(/already contains a footer/);
  });

  it('appends a copied list item as a list item, keeping its formatting; a paragraph is refused', () => {
    const { world, body } = worldWith({ name: 'D', body: [{ runs: [{ text: 'Canvass', bold: true }, ' Saturday'], list: true }, 'Plain'] });
    const target = world.services.DocumentApp.create('Copy');
    const item = target.getBody().appendListItem(body.getChild(0).asListItem().copy());
    target.getBody().appendListItem('Phone bank');
    expect(String(item.getType())).toBe('LIST_ITEM');
    expect(world.dump(target.getId()).body).toEqual([
      { text: '', runs: [] },
      { text: 'Canvass Saturday', list: true, runs: [{ text: 'Canvass', bold: true }, { text: ' Saturday' }] },
      { text: 'Phone bank', list: true, runs: [{ text: 'Phone bank' }] },
    ]);
    expect(() => target.getBody().appendListItem(body.getChild(1).asParagraph().copy() as never)).toThrow(/match the method signature for Body.appendListItem/);
    expect(() => target.getBody().appendListItem(body.getChild(0).asListItem())).toThrow(MUST_BE_DETACHED);
  });

  it('inserts a copied list item where asked, keeping its glyph, nesting and formatting; text makes a new bullet item', () => {
    const { world, model, body } = worldWith({ name: 'D', body: [{ runs: [{ text: 'Canvass', bold: true }, ' Saturday'], list: true }, 'Plain'] });
    Object.assign(model.body.children[0]!, { glyph: 'NUMBER', nesting: 1 });
    world.calls.reset();
    const item = body.insertListItem(1, body.getChild(0).asListItem().copy());
    body.getChild(1).asListItem().editAsText().insertText(0, 'Then: ');
    body.insertListItem(0, 'Phone bank');
    expect(String(item.getType())).toBe('LIST_ITEM');
    expect(world.calls.count('Body.insertListItem', model.id)).toBe(2);
    expect(world.dump(model).body).toEqual([
      { text: 'Phone bank', list: true, runs: [{ text: 'Phone bank' }] },
      { text: 'Canvass Saturday', list: true, runs: [{ text: 'Canvass', bold: true }, { text: ' Saturday' }] },
      { text: 'Then: Canvass Saturday', list: true, runs: [{ text: 'Then: Canvass', bold: true }, { text: ' Saturday' }] },
      { text: 'Plain', runs: [{ text: 'Plain' }] },
    ]);
    expect(model.body.children.slice(0, 3).map((p) => 'glyph' in p && [p.glyph, p.nesting])).toEqual([['BULLET', 0], ['NUMBER', 1], ['NUMBER', 1]]);
    expect(() => body.insertListItem(1, body.getChild(3).asParagraph().copy() as never)).toThrow(/match the method signature for Body.insertListItem/);
    expect(() => body.insertListItem(1, body.getChild(1).asListItem())).toThrow(MUST_BE_DETACHED);
    expect(() => body.insertListItem(5, 'x')).toThrow('Child index (5) must be less than or equal to the number of child elements (4).');
  });

  it('inserts a list item in a header, a footer and a table cell, each call logged by its class', () => {
    const { world, model, doc, body } = worldWith({
      name: 'D', header: ['Minutes'], footer: ['Page'], body: [{ table: [[{ paragraphs: [{ runs: [{ text: 'Ana', italic: true }], list: true }] }]] }, ''],
    });
    world.calls.reset();
    doc.getHeader().insertListItem(1, 'Agenda');
    doc.getFooter().insertListItem(0, 'Contact');
    const cell = body.getChild(0).asTable().getCell(0, 0);
    cell.insertListItem(1, cell.getChild(0).asListItem().copy());
    cell.insertListItem(2, 'Bo');
    expect(world.calls.list().map((c) => c.method).filter((m) => m.endsWith('.insertListItem')))
      .toEqual(['HeaderSection.insertListItem', 'FooterSection.insertListItem', 'TableCell.insertListItem', 'TableCell.insertListItem']);
    const dump = world.dump(model);
    expect([linesOf(dump.header!), linesOf(dump.footer!)]).toEqual([['Minutes', 'Agenda'], ['Contact', 'Page']]);
    expect(dump.body[0]).toMatchObject({ rows: [['Ana\nAna\nBo']] });
    expect((dump.body[0] as TableDump).cells[0]![0]).toEqual([
      { text: 'Ana', list: true, runs: [{ text: 'Ana', italic: true }] },
      { text: 'Ana', list: true, runs: [{ text: 'Ana', italic: true }] },
      { text: 'Bo', list: true, runs: [{ text: 'Bo' }] },
    ]);
    expect(() => cell.insertListItem(1, body.getChild(1).asParagraph().copy() as never)).toThrow(/match the method signature for TableCell.insertListItem/);
  });
});

describe('Drive', () => {
  it('finds files and folders by name with iterators that end', () => {
    const world = createDocsWorld();
    const folder = world.addFolder('Templates');
    world.addDocument({ name: 'Press release', body: ['x'] }, folder);
    const files = world.services.DriveApp.getFilesByName('Press release');
    expect(files.hasNext()).toBe(true);
    expect(files.next().getParents().next().getId()).toBe(folder.id);
    expect(files.hasNext()).toBe(false);
    expect(() => files.next()).toThrow(ITERATOR_END);
    expect(world.services.DriveApp.getFoldersByName('Templates').next().getUrl()).toBe(folder.url);
  });

  it('copies into the same folder as "Copy of …" by default, and a document renamed is its file renamed', () => {
    const { world, model, doc } = worldWith(letter);
    const copy = world.services.DriveApp.getFileById(model.id).makeCopy();
    expect(copy.getName()).toBe('Copy of Template');
    expect(copy.getParents().next().getId()).toBe(world.drive.root.id);
    doc.setName('Members');
    expect(world.services.DriveApp.getFileById(model.id).getName()).toBe('Members');
    expect(world.services.DocumentApp.openByUrl(copy.getUrl()).getId()).toBe(copy.getId());
  });

  it('refuses a Doc the app did not create, as drive.file does, while DocumentApp opens it', () => {
    const world = createDocsWorld();
    const folder = world.addFolder('Our group');
    const theirs = world.addDocument({ name: 'Our statement', body: ['x'] }, { folder, visibleToDrive: false });
    const { DriveApp, DocumentApp } = world.services;
    expect(() => DriveApp.getFileById(theirs.id)).toThrow(NO_ITEM);
    expect(DriveApp.getFilesByName('Our statement').hasNext()).toBe(false);
    expect(DriveApp.getFolderById(folder.id).getFiles().hasNext()).toBe(false);
    expect(DocumentApp.openById(theirs.id).getName()).toBe('Our statement');
    expect(DocumentApp.openByUrl(`https://docs.google.com/document/d/${theirs.id}/edit`).getBody().getText()).toBe('x');
    const ours = DocumentApp.create('Ours');
    expect(DriveApp.getFileById(ours.getId()).getName()).toBe('Ours');
  });

  it('moves a file out of every folder it was in, into one', () => {
    const world = createDocsWorld();
    const [a, b] = [world.addFolder('A'), world.addFolder('B')];
    const { DriveApp } = world.services;
    const file = DriveApp.getFileById(world.addDocument({ name: 'D', body: ['x'] }, a).id);
    DriveApp.getFolderById(b.id).addFile(file);
    const destination = DriveApp.createFolder('Announcements');
    expect(file.moveTo(destination).getParents().next().getId()).toBe(destination.getId());
    expect(world.drive.files.get(file.getId())!.parents.map((f) => f.name)).toEqual(['Announcements']);
    expect(() => file.moveTo('root' as never)).toThrow(/match the method signature for DriveApp.File.moveTo/);
  });

  it('refuses an id it does not hold', () => {
    const { DriveApp, DocumentApp } = createDocsWorld().services;
    expect(() => DriveApp.getFileById('nope')).toThrow(NO_ITEM);
    expect(() => DocumentApp.openById('nope')).toThrow(/Document is missing/);
  });
});

describe('the call log', () => {
  it('counts each call by method and document', () => {
    const { world, model, body } = worldWith(letter);
    world.calls.reset();
    body.getParagraphs().forEach((p) => p.getText());
    expect(world.calls.count('Body.getParagraphs', model.id)).toBe(1);
    expect(world.calls.count('Paragraph.getText', model.id)).toBe(7);
    expect(world.calls.total()).toBe(8);
  });

  it('fails the call a test chooses, before it does anything', () => {
    const { world, model } = worldWith(letter);
    world.calls.failOn('File.makeCopy');
    const file = world.services.DriveApp.getFileById(model.id);
    expect(() => file.makeCopy('Copy')).toThrow(SERVER_ERROR);
    expect(world.drive.files.size).toBe(1);
    expect(file.makeCopy('Copy').getName()).toBe('Copy');
  });

  it('throws errors of the realm the test chooses, as the bundle sandbox needs', () => {
    const sandbox = vm.createContext({});
    const world = createDocsWorld(undefined, { exception: (m) => vm.runInContext(`new Error(${JSON.stringify(m)})`, sandbox) as Error });
    Object.assign(sandbox, world.services);
    const caught = vm.runInContext("try { DocumentApp.openById('nope'); 'no error' } catch (e) { e instanceof Error }", sandbox);
    expect(caught).toBe(true);
  });
});
