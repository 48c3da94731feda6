/**
 * The path an AuthorizationPolicy sees for a request line. Istio matches `paths` with Envoy's
 * `url_path` matcher, which ignores the query and fragment, and istiod turns on Envoy's
 * `normalize_path` under the default `meshConfig.pathNormalization` (BASE: RFC 3986 dot-segment
 * removal; `listener_builder.go`), so `/public/../admin` is checked as `/admin`.
 */
export function authorizedPath(requestPath: string): string {
  const end = requestPath.search(/[?#]/);
  const path = end < 0 ? requestPath : requestPath.slice(0, end);
  return removeDotSegments(path);
}

/** RFC 3986 §5.2.4 on an absolute path. */
function removeDotSegments(path: string): string {
  const output: string[] = [];
  const segments = path.split('/').slice(1);
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..') output.pop();
      // A trailing dot segment leaves the directory: `/a/b/..` is `/a/`.
      if (last) output.push('');
      return;
    }
    output.push(segment);
  });
  return `/${output.join('/')}`;
}
