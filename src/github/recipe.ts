/**
 * What to tell a user whose run could not write: fork pull requests get a read-only token on
 * `pull_request` (github-notes.md §2.4). The fix is the two-workflow pattern, never
 * `pull_request_target` with a checkout of the pull request.
 */
export function readOnlyAdvice(): readonly string[] {
  return [
    "meshguard cannot write the check run or the comment: the workflow token is read-only, as GitHub makes it for pull requests from forks (and from Dependabot) on `pull_request`. The job summary, the report-json file and this job's status still carry the full result.",
    "To get the comment and check run on such pull requests, use two workflows (copy them from docs/workflows/ in the meshguard repository): 1. on `pull_request`, run meshguard and upload `steps.<id>.outputs.report-json` with actions/upload-artifact; 2. on `workflow_run` (types: [completed]) with `permissions: {checks: write, pull-requests: write, actions: read, contents: read}`, download that artifact and run meshguard with `mode: publish`, which takes from it only the pull request and commit and reviews them again through the API. The second workflow never checks out or runs the pull request's code.",
    "Do not switch to `pull_request_target` with a checkout of the pull request: it runs the pull request's code with a write token and your secrets.",
  ];
}
