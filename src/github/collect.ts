import { join } from 'node:path';
import { compileGlobs } from '../analysis/config/index.js';
import type { MeshguardConfig, PathMatcher } from '../analysis/config/index.js';
import type { Comparison } from './comparison.js';
import { ConfigError } from './errors.js';
import type { Logger } from './logger.js';
import { renderManifests, withWorktree } from './sources/render.js';
import type { ManifestEntry, ReadResult } from './sources/types.js';

/** Files per side beyond which the rest are left out and a limit finding says so. */
export const MAX_FILES_PER_SIDE = 5000;

export type Collected =
  | { readonly changed: false }
  | {
      readonly changed: true;
      readonly base: ReadResult;
      readonly head: ReadResult;
      /** Repository paths read on the head side: the only files annotations may point at. */
      readonly headFiles: readonly string[];
      /** Sentences for limit findings (`MG901`), one per side that was cut. */
      readonly limits: readonly { readonly side: 'base' | 'head'; readonly detail: string }[];
    };

/**
 * Lists both sides, decides whether any configured file changed, and only then reads them.
 * "Changed" covers the analysed paths and every render command's inputs; an unchanged listing
 * means the mesh cannot have changed, and nothing is read.
 */
export async function collectSides(
  comparison: Comparison,
  config: MeshguardConfig,
  workspace: string,
  logger: Logger,
): Promise<Collected> {
  const analysed = compileGlobs(config.paths);
  const inputs = config.render.map((command) => compileGlobs(command.paths));
  const watched = union([analysed, ...inputs]);
  const [baseList, headList] = await Promise.all([
    comparison.source.list(comparison.baseRef, watched),
    comparison.source.list(comparison.headRef, watched),
  ]);
  if (!differ(baseList, headList)) return { changed: false };
  const limits: { side: 'base' | 'head'; detail: string }[] = [];
  const pick = (list: readonly ManifestEntry[], side: 'base' | 'head') => {
    const selected = list.filter((entry) => analysed.matches(entry.key));
    if (selected.length <= MAX_FILES_PER_SIDE) return selected;
    limits.push({
      side,
      detail: `the ${side} has ${selected.length} manifest files; only the first ${MAX_FILES_PER_SIDE} by path were analysed`,
    });
    return selected.slice(0, MAX_FILES_PER_SIDE);
  };
  const baseEntries = pick(baseList, 'base');
  const headEntries = pick(headList, 'head');
  logger.info(`reading ${baseEntries.length} base and ${headEntries.length} head manifest files`);
  warnAboutApiBudget(comparison, [...baseEntries, ...headEntries], logger);
  const base = await comparison.source.read(baseEntries);
  const head = await comparison.source.read(headEntries);
  const rendered = await renderBoth(comparison, config, workspace, logger);
  return {
    changed: true,
    base: merge(base, rendered.base),
    head: merge(head, rendered.head),
    headFiles: head.files.map((file) => file.path),
    limits,
  };
}

/**
 * Each blob is one request, and the workflow token may make 1,000 per hour per repository
 * (docs.github.com, "Rate limits for the REST API"): past a few hundred, reading from git is
 * the better way, and the user should hear it before the limit is hit.
 */
export const API_READS_WARNING = 300;

function warnAboutApiBudget(
  comparison: Comparison,
  entries: readonly ManifestEntry[],
  logger: Logger,
): void {
  if (comparison.source.kind !== 'api') return;
  const blobs = new Set(entries.map((entry) => entry.id)).size;
  if (blobs <= API_READS_WARNING) return;
  logger.warning(
    `reading ${blobs} files through the GitHub API uses as many requests of the token's rate limit; check out with \`fetch-depth: 0\` (or narrow \`paths\`) to read them from git`,
  );
}

function differ(base: readonly ManifestEntry[], head: readonly ManifestEntry[]): boolean {
  if (base.length !== head.length) return true;
  const ids = new Map(base.map((entry) => [entry.key, entry.id]));
  return head.some((entry) => ids.get(entry.key) !== entry.id);
}

function union(matchers: readonly PathMatcher[]): PathMatcher {
  return {
    patterns: matchers.flatMap((m) => m.patterns),
    matches: (path) => matchers.some((m) => m.matches(path)),
    couldContain: (directory) => matchers.some((m) => m.couldContain(directory)),
  };
}

function merge(a: ReadResult, b: ReadResult): ReadResult {
  return { files: [...a.files, ...b.files], unreadable: [...a.unreadable, ...b.unreadable] };
}

const NOTHING: ReadResult = { files: [], unreadable: [] };

async function renderBoth(
  comparison: Comparison,
  config: MeshguardConfig,
  workspace: string,
  logger: Logger,
): Promise<{ base: ReadResult; head: ReadResult }> {
  if (config.render.length === 0) return { base: NOTHING, head: NOTHING };
  const render = async (ref: string): Promise<ReadResult> => {
    logger.info(`rendering ${config.render.map((c) => c.name).join(', ')} at ${ref.slice(0, 12)}`);
    if (comparison.source.kind === 'directory')
      return renderManifests(config.render, join(workspace, ref));
    if (comparison.git === null) {
      throw new ConfigError(
        'render needs both commits in the local clone: use actions/checkout with fetch-depth: 0, or set fetch: true',
      );
    }
    return withWorktree(comparison.git, ref, (directory) =>
      renderManifests(config.render, directory),
    );
  };
  return { base: await render(comparison.baseRef), head: await render(comparison.headRef) };
}
