import { isPartialInput } from '../findings/catalogue.js';
import { withObjects } from '../load/index.js';
import type { LoadResult } from '../load/index.js';
import { meshObjects } from '../model/mesh.js';
import type { Mesh } from '../model/mesh.js';
import { refKey } from '../model/source.js';

/**
 * The head mesh, plus the base's objects of head files that could not be read whole (broken
 * YAML, an alias bomb, an unreadable file). Applying such a file fails, so the cluster keeps what
 * it had: reading the objects as deleted would report access changes nobody made. The answer is
 * still marked partial, and the broken file is an error finding.
 */
export function carryOverUnreadable(
  base: LoadResult,
  head: LoadResult,
  unreadableHeadFiles: readonly string[],
): Mesh {
  const broken = new Set(unreadableHeadFiles);
  for (const d of head.diagnostics) if (isPartialInput(d.code)) broken.add(d.at.file);
  if (broken.size === 0) return head.mesh;
  const present = new Set(meshObjects(head.mesh).map((o) => refKey(o.ref)));
  const kept = meshObjects(base.mesh).filter(
    (o) => broken.has(o.source.file) && !present.has(refKey(o.ref)),
  );
  return kept.length === 0 ? head.mesh : withObjects(head.mesh, kept);
}
