/**
 * A copy of a template Doc that Drive will not open for us. Under the
 * drive.file scope DriveApp sees only the files Endorse created, so a group's
 * own Doc cannot be copied with makeCopy; the documents scope still lets
 * DocumentApp open any Doc the leader can. So the copy is rebuilt: a new Doc,
 * then the template's body, header and footer appended element by element,
 * each element Docs' own deep copy (headings, text formatting, tables, list
 * items, and what a paragraph holds).
 *
 * What Docs gives no way to append (a table of contents) is left out and
 * named, never dropped silently. Page setup and the template's named styles
 * are not carried over (docs/announcements.md, "Permissions").
 */
type Document = GoogleAppsScript.Document.Document;
type Element = GoogleAppsScript.Document.Element;
type Folder = GoogleAppsScript.Drive.Folder;

/** What a body, a header and a footer share for this: their children, and appending the three kinds we copy. */
interface Section {
  getNumChildren(): number;
  getChild(childIndex: number): Element;
  appendParagraph(paragraph: GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph;
  appendListItem(listItem: GoogleAppsScript.Document.ListItem): GoogleAppsScript.Document.ListItem;
  appendTable(table: GoogleAppsScript.Document.Table): GoogleAppsScript.Document.Table;
}

export interface RebuiltDoc {
  /** The new Doc, still open, for the fill. */
  doc: Document;
  url: string;
  /** Each element left out: "the table of contents (TABLE_OF_CONTENTS, body, element 3)". */
  skipped: string[];
}

/** A new Doc named `name` in `folder`, holding what `template` holds. */
export function rebuildCopy(template: Document, name: string, folder: Folder): RebuiltDoc {
  const doc = DocumentApp.create(name);
  const skipped: string[] = [];
  copySection(template.getBody(), doc.getBody(), 'body', skipped);
  const header = template.getHeader();
  if (header) copySection(header, doc.addHeader(), 'header', skipped);
  const footer = template.getFooter();
  if (footer) copySection(footer, doc.addFooter(), 'footer', skipped);
  // A Doc is created at the top of My Drive; Endorse created it, so drive.file lets Drive move it.
  const file = DriveApp.getFileById(doc.getId()).moveTo(folder);
  return { doc, url: file.getUrl(), skipped };
}

/** Appends a copy of each child of `from` to `to`, a new section holding only its first empty paragraph. */
function copySection(from: Section, to: Section, part: string, skipped: string[]): void {
  const first = to.getChild(0);
  const type = DocumentApp.ElementType;
  let copied = 0;
  let filler: Element[] = [];
  const count = from.getNumChildren();
  for (let i = 0; i < count; i++) {
    const child = from.getChild(i);
    const kind = child.getType();
    const before = to.getNumChildren();
    if (kind === type.PARAGRAPH) to.appendParagraph(child.asParagraph().copy());
    else if (kind === type.LIST_ITEM) to.appendListItem(child.asListItem().copy());
    else if (kind === type.TABLE) to.appendTable(child.asTable().copy());
    else {
      skipped.push(`the ${readable(String(kind))} (${String(kind)}, ${part}, element ${i + 1})`);
      continue;
    }
    // Docs ends a section with a paragraph, so a table appended last brings an empty one after it;
    // once something follows, that paragraph is not the template's, and can go.
    for (const extra of filler) extra.removeFromParent();
    filler = [];
    for (let k = before + 1; k < to.getNumChildren(); k++) filler.push(to.getChild(k));
    copied++;
  }
  // The paragraph a new section starts with; it stays only if nothing could be copied (a section keeps one).
  if (copied > 0) first.removeFromParent();
}

/** "TABLE_OF_CONTENTS" → "table of contents". */
function readable(typeName: string): string {
  return typeName.toLowerCase().replace(/_/g, ' ');
}
