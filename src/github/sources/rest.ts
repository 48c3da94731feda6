import type { PathMatcher } from '../../analysis/config/index.js';
import type { RepoRef } from '../context.js';
import { classify, OPERATIONS } from '../errors.js';
import type { GitHubClient } from '../octokit.js';
import type { Logger } from '../logger.js';
import { MAX_FILE_BYTES } from '../../analysis/load/index.js';
import { decodeUtf8, splitRead, tooLarge } from './types.js';
import type { ManifestEntry, ManifestSource, ReadResult } from './types.js';
import { quote } from '../../analysis/findings/quote.js';

/** Blobs above this size are fetched with the raw media type: the JSON form caps at 1 MB. */
const RAW_ABOVE_BYTES = 1024 * 1024;
const PARALLEL_REQUESTS = 8;

interface TreeItem {
  readonly path?: string;
  readonly mode?: string;
  readonly type?: string;
  readonly sha?: string;
  readonly size?: number;
}

/**
 * Reads manifests through the REST API by commit SHA: one recursive tree per side, then only the
 * selected blobs, each fetched once however many sides share it. Used when the checkout lacks
 * the commits (the default shallow `actions/checkout`) and by the App, which has no checkout.
 */
export class RestManifestSource implements ManifestSource {
  readonly kind = 'api';
  private readonly blobs = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
    private readonly logger: Logger,
  ) {}

  async list(ref: string, matcher: PathMatcher): Promise<readonly ManifestEntry[]> {
    const root = await this.tree(ref, true);
    const items = root.truncated ? await this.walk(ref, '', matcher) : root.items;
    if (root.truncated) {
      this.logger.info(
        `the tree of ${ref.slice(0, 12)} is too large for one request; listed it directory by directory`,
      );
    }
    return items
      .filter((item) => isRegularFile(item) && matcher.matches(item.path ?? ''))
      .map((item) => ({
        path: item.path ?? '',
        key: item.path ?? '',
        id: item.sha ?? '',
        size: item.size ?? null,
      }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(entries: readonly ManifestEntry[]): Promise<ReadResult> {
    const results = await mapLimit(entries, PARALLEL_REQUESTS, async (entry) => {
      if ((entry.size ?? 0) > MAX_FILE_BYTES) return tooLarge(entry.path);
      return decodeUtf8(entry.path, await this.blob(entry.id, entry.size));
    });
    return splitRead(results);
  }

  /**
   * When the recursive listing is truncated (over 100,000 entries or 7 MB), lists one directory
   * at a time, descending only into directories a configured path can reach.
   */
  private async walk(sha: string, prefix: string, matcher: PathMatcher): Promise<TreeItem[]> {
    const level = await this.tree(sha, false);
    if (level.truncated) {
      this.logger.warning(
        `the directory ${quote(prefix || '/')} has too many entries; some were not listed`,
      );
    }
    const out: TreeItem[] = [];
    for (const item of level.items) {
      const path = prefix === '' ? (item.path ?? '') : `${prefix}/${item.path ?? ''}`;
      if (item.type === 'tree' && item.sha !== undefined && matcher.couldContain(path)) {
        out.push(...(await this.walk(item.sha, path, matcher)));
      } else if (item.type === 'blob') out.push({ ...item, path });
    }
    return out;
  }

  private async tree(
    sha: string,
    recursive: boolean,
  ): Promise<{ items: TreeItem[]; truncated: boolean }> {
    try {
      const response = await this.octokit.rest.git.getTree({
        ...this.repo,
        tree_sha: sha,
        ...(recursive ? { recursive: '1' } : {}),
      });
      return { items: response.data.tree, truncated: response.data.truncated };
    } catch (error) {
      throw classify(error, OPERATIONS.readContents);
    }
  }

  private blob(sha: string, size: number | null): Promise<Uint8Array> {
    let pending = this.blobs.get(sha);
    if (pending === undefined) {
      pending = this.fetchBlob(sha, size);
      this.blobs.set(sha, pending);
    }
    return pending;
  }

  private async fetchBlob(sha: string, size: number | null): Promise<Uint8Array> {
    try {
      if ((size ?? 0) > RAW_ABOVE_BYTES) {
        const response = await this.octokit.rest.git.getBlob({
          ...this.repo,
          file_sha: sha,
          mediaType: { format: 'raw' },
        });
        return bytesOf(response.data as unknown);
      }
      const response = await this.octokit.rest.git.getBlob({ ...this.repo, file_sha: sha });
      return Buffer.from(
        response.data.content,
        response.data.encoding === 'base64' ? 'base64' : 'utf8',
      );
    } catch (error) {
      throw classify(error, OPERATIONS.readContents);
    }
  }
}

function isRegularFile(item: TreeItem): boolean {
  return item.type === 'blob' && (item.mode === '100644' || item.mode === '100755');
}

/** Raw responses arrive as text or bytes depending on the content type GitHub sends. */
export function bytesOf(data: unknown): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError('unexpected blob response');
}

export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
