import { diagnostic } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { ResourceRef, Source } from '../../model/source.js';
import type { Code, MessageParams } from '../../findings/catalogue.js';
import type { Position } from '../yaml/types.js';

/**
 * Codes that do not stop an object from being applied. Any other error means the API server or
 * Istio's validation would reject the object, so the analysis treats it as absent.
 */
const NON_FATAL = new Set<Code>(['MG002', 'MG012', 'MG013', 'MG022']);

/** Where the document being narrowed sits, and where its diagnostics go. */
export class NarrowContext {
  private readonly sink: Diagnostic[];
  /** True once an error was reported that makes the current object invalid. */
  rejected = false;
  ref: ResourceRef | undefined;

  constructor(
    readonly file: string,
    readonly documentIndex: number,
    private readonly lineOffset: number,
    sink: Diagnostic[],
  ) {
    this.sink = sink;
  }

  at(pos: Position): Source {
    return {
      file: this.file,
      documentIndex: this.documentIndex,
      line: pos.line + this.lineOffset,
      column: pos.column,
    };
  }

  report<C extends Code>(code: C, pos: Position | Source, params: MessageParams<C>): void {
    const at = 'file' in pos ? pos : this.at(pos);
    const found = diagnostic(code, at, params, this.ref);
    if (found.severity === 'error' && !NON_FATAL.has(code)) this.rejected = true;
    this.sink.push(found);
  }

  /** Starts a new object: clears the rejection flag and sets the ref diagnostics carry. */
  beginObject(ref: ResourceRef | undefined): void {
    this.ref = ref;
    this.rejected = false;
  }
}
