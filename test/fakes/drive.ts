/**
 * DriveApp: folders, files and the copies a generation makes. A Google Doc's
 * file and its document are one thing: copying the file copies the document
 * (deeply) and DocumentApp opens the copy; renaming either renames both.
 * Under the drive.file scope DriveApp sees only the files the app created, while
 * DocumentApp (documents scope) opens any Doc the user can: a file added with
 * `visibleToDrive: false` is such a Doc, opened by DocumentApp and refused by DriveApp.
 */
import { exposed, type ExactSurface } from './context';
import { documentUrl, type DocModel, type DocStore } from './docModel';
import type { DocsContext } from './docElement';

type GasFile = GoogleAppsScript.Drive.File;
type GasFolder = GoogleAppsScript.Drive.Folder;

export const MimeType = {
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  FOLDER: 'application/vnd.google-apps.folder',
  PLAIN_TEXT: 'text/plain',
} as const;

export const NO_ITEM = 'No item with the given ID could be found. Or perhaps you do not have permission to access it.';
export const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';

export class FolderRecord {
  constructor(readonly id: string, public name: string) {}

  get url(): string {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }
}

export class FileRecord {
  constructor(
    readonly id: string,
    private ownName: string,
    readonly mimeType: string,
    public parents: FolderRecord[],
    /** The document, for a Google Doc. */
    readonly doc: DocModel | null,
    public content = '',
  ) {}

  /** False for a file the app did not create: DriveApp neither opens nor lists it (drive.file). */
  visibleToDrive = true;

  get name(): string {
    return this.doc ? this.doc.name : this.ownName;
  }

  set name(name: string) {
    if (this.doc) this.doc.name = name;
    else this.ownName = name;
  }

  get url(): string {
    return this.doc ? documentUrl(this.id) : `https://drive.google.com/file/d/${this.id}/view`;
  }
}

export class DriveModel {
  readonly files = new Map<string, FileRecord>();
  readonly folders = new Map<string, FolderRecord>();
  readonly root = new FolderRecord('root', 'My Drive');
  private next = 1;

  constructor(readonly docs: DocStore) {
    this.folders.set(this.root.id, this.root);
  }

  addFolder(name: string): FolderRecord {
    const folder = new FolderRecord(`folder-${this.next++}`, name);
    this.folders.set(folder.id, folder);
    return folder;
  }

  /** The Drive file of a document; its id is the document's, as in Drive. */
  addDocument(doc: DocModel, folder = this.root, options: { visibleToDrive?: boolean } = {}): FileRecord {
    const file = new FileRecord(doc.id, doc.name, MimeType.GOOGLE_DOCS, [folder], doc);
    file.visibleToDrive = options.visibleToDrive ?? true;
    this.files.set(file.id, file);
    return file;
  }

  addFile(name: string, content: string, mimeType: string = MimeType.PLAIN_TEXT, folder = this.root): FileRecord {
    const file = new FileRecord(`file-${this.next++}`, name, mimeType, [folder], null, content);
    this.files.set(file.id, file);
    return file;
  }

  copy(file: FileRecord, name: string, parents: FolderRecord[]): FileRecord {
    if (!file.doc) return this.addFile(name, file.content, file.mimeType, parents[0]);
    const copy = this.addDocument(this.docs.copy(file.doc, name), parents[0]);
    copy.parents = parents.slice();
    return copy;
  }

  filesIn(folder: FolderRecord): FileRecord[] {
    return [...this.files.values()].filter((f) => f.parents.includes(folder));
  }
}

export type FileMethod = 'getId' | 'getUrl' | 'getName' | 'setName' | 'getMimeType' | 'getParents' | 'makeCopy' | 'moveTo';

export class FakeFile implements Pick<GasFile, FileMethod> {
  constructor(readonly model: FileRecord, private readonly drive: DriveModel, private readonly ctx: DocsContext) {}

  getId(): string {
    this.log('getId');
    return this.model.id;
  }

  getUrl(): string {
    this.log('getUrl');
    return this.model.url;
  }

  getName(): string {
    this.log('getName');
    return this.model.name;
  }

  setName(name: string): GasFile {
    this.log('setName');
    this.model.name = String(name);
    return exposed<GasFile>(this);
  }

  getMimeType(): string {
    this.log('getMimeType');
    return this.model.mimeType;
  }

  getParents(): GoogleAppsScript.Drive.FolderIterator {
    this.log('getParents');
    return exposed<GoogleAppsScript.Drive.FolderIterator>(new FakeFolderIterator(this.model.parents.map((f) => folderFake(f, this.drive, this.ctx)), this.ctx));
  }

  /** makeCopy(), (destination), (name) or (name, destination): "Copy of …" in the same folders by default. */
  makeCopy(a?: string | GasFolder, b?: GasFolder): GasFile {
    this.log('makeCopy');
    const name = typeof a === 'string' ? a : `Copy of ${this.model.name}`;
    const destination = typeof a === 'string' ? b : a;
    let parents = this.model.parents;
    if (destination !== undefined) {
      if (!(destination instanceof FakeFolder)) throw this.ctx.exception(`The parameters (${typeof destination}) don't match the method signature for DriveApp.File.makeCopy.`);
      parents = [destination.model];
    }
    return fileFake(this.drive.copy(this.model, name, parents), this.drive, this.ctx);
  }

  /** Leaves every folder it was in for `destination` alone. */
  moveTo(destination: GasFolder): GasFile {
    this.log('moveTo');
    if (!(destination instanceof FakeFolder)) throw this.ctx.exception(`The parameters (${typeof destination}) don't match the method signature for DriveApp.File.moveTo.`);
    this.model.parents = [destination.model];
    return exposed<GasFile>(this);
  }

  private log(method: FileMethod): void {
    this.ctx.calls.record(`File.${method}`, this.model.id);
  }
}

export const fileSurface: ExactSurface<FakeFile, FileMethod> = true;

export type FolderMethod = 'getId' | 'getName' | 'getUrl' | 'createFile' | 'getFiles' | 'addFile';

export class FakeFolder implements Pick<GasFolder, FolderMethod> {
  constructor(readonly model: FolderRecord, private readonly drive: DriveModel, private readonly ctx: DocsContext) {}

  getId(): string {
    this.log('getId');
    return this.model.id;
  }

  getName(): string {
    this.log('getName');
    return this.model.name;
  }

  getUrl(): string {
    this.log('getUrl');
    return this.model.url;
  }

  createFile(a: string | GoogleAppsScript.Base.BlobSource, content?: string, mimeType?: string): GasFile {
    this.log('createFile');
    if (typeof a !== 'string') throw this.ctx.exception('The fake Folder.createFile takes a name and content, not a blob.');
    return fileFake(this.drive.addFile(a, String(content ?? ''), mimeType ?? MimeType.PLAIN_TEXT, this.model), this.drive, this.ctx);
  }

  getFiles(): GoogleAppsScript.Drive.FileIterator {
    this.log('getFiles');
    return files(this.drive.filesIn(this.model).filter((f) => f.visibleToDrive), this.drive, this.ctx);
  }

  /** Puts the file in this folder too; it stays in its other folders. */
  addFile(child: GasFile): GasFolder {
    this.log('addFile');
    if (!(child instanceof FakeFile)) throw this.ctx.exception(`The parameters (${typeof child}) don't match the method signature for DriveApp.Folder.addFile.`);
    if (!child.model.parents.includes(this.model)) child.model.parents.push(this.model);
    return exposed<GasFolder>(this);
  }

  private log(method: FolderMethod): void {
    this.ctx.calls.record(`Folder.${method}`, this.model.id);
  }
}

export const folderSurface: ExactSurface<FakeFolder, FolderMethod> = true;

export type IteratorMethod = 'hasNext' | 'next';

class FakeIterator<T> {
  private index = 0;

  constructor(readonly model: readonly T[], private readonly service: string, private readonly ctx: DocsContext) {}

  hasNext(): boolean {
    this.ctx.calls.record(`${this.service}.hasNext`);
    return this.index < this.model.length;
  }

  next(): T {
    this.ctx.calls.record(`${this.service}.next`);
    if (this.index >= this.model.length) throw this.ctx.exception(ITERATOR_END);
    return this.model[this.index++]!;
  }
}

export class FakeFileIterator extends FakeIterator<GasFile> implements Pick<GoogleAppsScript.Drive.FileIterator, IteratorMethod> {
  constructor(items: GasFile[], ctx: DocsContext) {
    super(items, 'FileIterator', ctx);
  }
}

export class FakeFolderIterator extends FakeIterator<GasFolder> implements Pick<GoogleAppsScript.Drive.FolderIterator, IteratorMethod> {
  constructor(items: GasFolder[], ctx: DocsContext) {
    super(items, 'FolderIterator', ctx);
  }
}

export const fileIteratorSurface: ExactSurface<FakeFileIterator, IteratorMethod> = true;

export type DriveAppMethod = 'getFileById' | 'getFolderById' | 'getRootFolder' | 'createFolder' | 'getFoldersByName' | 'getFilesByName';

export class FakeDriveApp implements Pick<GoogleAppsScript.Drive.DriveApp, DriveAppMethod> {
  constructor(readonly model: DriveModel, private readonly ctx: DocsContext) {}

  getFileById(id: string): GasFile {
    this.ctx.calls.record('DriveApp.getFileById', String(id));
    const file = this.model.files.get(String(id));
    if (!file || !file.visibleToDrive) throw this.ctx.exception(NO_ITEM);
    return fileFake(file, this.model, this.ctx);
  }

  getFolderById(id: string): GasFolder {
    this.ctx.calls.record('DriveApp.getFolderById', String(id));
    const folder = this.model.folders.get(String(id));
    if (!folder) throw this.ctx.exception(NO_ITEM);
    return folderFake(folder, this.model, this.ctx);
  }

  getRootFolder(): GasFolder {
    this.ctx.calls.record('DriveApp.getRootFolder');
    return folderFake(this.model.root, this.model, this.ctx);
  }

  /** A new folder at the top of My Drive; names need not be unique, as in Drive. */
  createFolder(name: string): GasFolder {
    this.ctx.calls.record('DriveApp.createFolder');
    return folderFake(this.model.addFolder(String(name)), this.model, this.ctx);
  }

  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    this.ctx.calls.record('DriveApp.getFoldersByName');
    const found = [...this.model.folders.values()].filter((f) => f !== this.model.root && f.name === name);
    return exposed<GoogleAppsScript.Drive.FolderIterator>(new FakeFolderIterator(found.map((f) => folderFake(f, this.model, this.ctx)), this.ctx));
  }

  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    this.ctx.calls.record('DriveApp.getFilesByName');
    return files([...this.model.files.values()].filter((f) => f.visibleToDrive && f.name === name), this.model, this.ctx);
  }
}

export const driveAppSurface: ExactSurface<FakeDriveApp, DriveAppMethod> = true;

function fileFake(file: FileRecord, drive: DriveModel, ctx: DocsContext): GasFile {
  return exposed<GasFile>(new FakeFile(file, drive, ctx));
}

function folderFake(folder: FolderRecord, drive: DriveModel, ctx: DocsContext): GasFolder {
  return exposed<GasFolder>(new FakeFolder(folder, drive, ctx));
}

function files(list: FileRecord[], drive: DriveModel, ctx: DocsContext): GoogleAppsScript.Drive.FileIterator {
  return exposed<GoogleAppsScript.Drive.FileIterator>(new FakeFileIterator(list.map((f) => fileFake(f, drive, ctx)), ctx));
}
