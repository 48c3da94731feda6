import { REPOSITORY_ROLES } from '../../analysis/config/index.js';
import type { RepositoryRole } from '../../analysis/config/index.js';
import type { RepoRef } from '../context.js';
import { classify, isNotFound, OPERATIONS } from '../errors.js';
import type { GitHubClient } from '../octokit.js';

export type Role = RepositoryRole | 'none';

export interface Requirement {
  readonly role: RepositoryRole;
  /** The pull request's author, when the author may run the command whatever their role. */
  readonly author: string | null;
}

export type Grant =
  | { readonly allowed: true; readonly as: 'author' | 'role'; readonly role: Role | null }
  | { readonly allowed: false; readonly role: Role; readonly required: RepositoryRole };

/**
 * Checks the commenter's permission through `GET /repos/{owner}/{repo}/collaborators/{user}/permission`,
 * never `author_association`, which reports private organisation members as `CONTRIBUTOR` or
 * `NONE` (github-notes §2.5). `role_name` carries `maintain` and `triage`, which `permission`
 * folds into `write` and `read`; a custom role's name means nothing here, so its base
 * `permission` is used. A user who is no collaborator (404) has no role; on a public repository
 * everyone reads, which is why the default requirement is `write`, not `read`.
 */
export async function checkPermission(
  octokit: GitHubClient,
  repo: RepoRef,
  user: string,
  requirement: Requirement,
): Promise<Grant> {
  if (requirement.author !== null && user === requirement.author)
    return { allowed: true, as: 'author', role: null };
  const role = await roleOf(octokit, repo, user);
  return rank(role) >= rank(requirement.role)
    ? { allowed: true, as: 'role', role }
    : { allowed: false, role, required: requirement.role };
}

async function roleOf(octokit: GitHubClient, repo: RepoRef, username: string): Promise<Role> {
  try {
    const response = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    const roleName: unknown = (response.data as { role_name?: unknown }).role_name;
    if (isRole(roleName)) return roleName;
    const permission: unknown = response.data.permission;
    return isRole(permission) ? permission : 'none';
  } catch (error) {
    if (isNotFound(error)) return 'none';
    throw classify(error, OPERATIONS.readPermission);
  }
}

function isRole(value: unknown): value is RepositoryRole {
  return typeof value === 'string' && (REPOSITORY_ROLES as readonly string[]).includes(value);
}

export function rank(role: Role): number {
  return role === 'none' ? -1 : REPOSITORY_ROLES.indexOf(role);
}
