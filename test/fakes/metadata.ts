/**
 * Developer metadata: key/value tags a script attaches to a sheet or the
 * spreadsheet, invisible to members; how an add-on can recognise the sheets it owns.
 */
import { enumOf, exposed, type ExactSurface, type FakeContext } from './context';
import type { MetadataRecord, WorkbookModel } from './workbook';

type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type GasMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export const DeveloperMetadataVisibility =
  enumOf<typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility>(['DOCUMENT', 'PROJECT']);

export type MetadataMethod = 'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'setValue' | 'remove';

export class FakeDeveloperMetadata implements Pick<GasMetadata, MetadataMethod> {
  constructor(
    readonly model: MetadataRecord,
    private readonly owner: MetadataRecord[],
    private readonly ctx: FakeContext,
  ) {}

  getId(): number {
    this.ctx.calls.record('DeveloperMetadata.getId');
    return this.model.id;
  }

  getKey(): string {
    this.ctx.calls.record('DeveloperMetadata.getKey');
    return this.model.key;
  }

  getValue(): string | null {
    this.ctx.calls.record('DeveloperMetadata.getValue');
    return this.model.value;
  }

  getVisibility(): Visibility {
    this.ctx.calls.record('DeveloperMetadata.getVisibility');
    return DeveloperMetadataVisibility[this.model.visibility as keyof typeof DeveloperMetadataVisibility];
  }

  setValue(value: string): GasMetadata {
    this.ctx.calls.record('DeveloperMetadata.setValue');
    this.model.value = String(value);
    return exposed<GasMetadata>(this);
  }

  remove(): void {
    this.ctx.calls.record('DeveloperMetadata.remove');
    const i = this.owner.indexOf(this.model);
    if (i >= 0) this.owner.splice(i, 1);
  }
}

export const metadataSurface: ExactSurface<FakeDeveloperMetadata, MetadataMethod> = true;

/** addDeveloperMetadata(key), (key, visibility), (key, value) or (key, value, visibility). */
export function addMetadata(
  owner: MetadataRecord[], workbook: WorkbookModel,
  key: string, valueOrVisibility?: string | Visibility, visibility?: Visibility,
): void {
  const isVisibility = (x: unknown): x is Visibility => Object.values(DeveloperMetadataVisibility).includes(x as Visibility);
  const value = isVisibility(valueOrVisibility) || valueOrVisibility === undefined ? null : String(valueOrVisibility);
  const shown = isVisibility(valueOrVisibility) ? valueOrVisibility : visibility;
  owner.push({ id: workbook.metadataId(), key, value, visibility: String(shown ?? DeveloperMetadataVisibility.DOCUMENT) });
}

export function metadataOf(owner: MetadataRecord[], ctx: FakeContext): GasMetadata[] {
  return owner.map((m) => exposed<GasMetadata>(new FakeDeveloperMetadata(m, owner, ctx)));
}
