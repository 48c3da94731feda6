import { ProbotOctokit } from 'probot';

interface AuthOptions {
  readonly request?: { defaults(options: { baseUrl: string }): unknown };
  readonly [key: string]: unknown;
}

/**
 * Probot's Octokit, with one fix for GitHub Enterprise Server: Probot 14.3.2 gives the App
 * authentication its own `request` without the `GHE_HOST` base URL, so installation tokens are
 * asked of api.github.com (`get-probot-octokit-with-defaults.js`; `@octokit/core` lets
 * `options.auth.request` win over the instance's own request). Here that request gets the same
 * base URL as the instance. Retry and throttling stay on, as Probot sets them.
 */
export const EnterpriseProbotOctokit = ProbotOctokit.defaults(
  (options: { baseUrl?: string; auth?: AuthOptions }) => {
    const { baseUrl, auth } = options;
    if (baseUrl === undefined || auth?.request === undefined) return options;
    return { ...options, auth: { ...auth, request: auth.request.defaults({ baseUrl }) } };
  },
);
