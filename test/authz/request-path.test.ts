import { describe, expect, it } from 'vitest';
import { authorizedPath } from '../../src/analysis/authz/request-path.js';

describe('authorizedPath: the path Envoy RBAC matches (url_path, normalize_path)', () => {
  it.each([
    ['/admin', '/admin'],
    ['/admin?x=1', '/admin'],
    ['/admin#frag', '/admin'],
    ['/a/secret?x=1#f', '/a/secret'],
    ['/public/../admin', '/admin'],
    ['/./admin', '/admin'],
    ['/api/../admin', '/admin'],
    ['/a/b/..', '/a/'],
    ['/a/b/.', '/a/b/'],
    ['/..', '/'],
    ['/../../x', '/x'],
    ['/a//b', '/a//b'],
    ['/', '/'],
    ['/a/..b/c', '/a/..b/c'],
  ])('%s is checked as %s', (path, expected) => {
    expect(authorizedPath(path)).toBe(expected);
  });
});
