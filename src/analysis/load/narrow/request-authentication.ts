import type { RequestAuthentication } from '../../model/istio.js';
import type { ObjectBase } from '../../model/kubernetes.js';
import type { Located } from '../../model/source.js';
import type { YamlMap } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import { checkFields, readMap, readMappings, readString } from './read.js';
import { readMatchLabelsSelector, readTargetRefs } from './selectors.js';

const KIND = 'RequestAuthentication';
const SPEC_FIELDS = new Set(['selector', 'targetRef', 'targetRefs', 'jwtRules']);

/** `istio/api:security/v1beta1/request_authentication.proto`; only what authorization needs. */
export function narrowRequestAuthentication(
  ctx: NarrowContext,
  object: YamlMap,
  base: ObjectBase,
): RequestAuthentication {
  const spec = readMap(ctx, object, 'spec', 'spec');
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS, 'spec', KIND);
  const selector = spec && readMatchLabelsSelector(ctx, spec, 'selector', 'spec.selector', KIND);
  const targetRefs = spec ? readTargetRefs(ctx, spec, KIND) : [];
  if (selector !== null && targetRefs.length > 0) ctx.report('MG020', selector.at, {});
  const issuers: Located<string>[] = [];
  for (const { item: rule, path } of spec
    ? readMappings(ctx, spec, 'jwtRules', 'spec.jwtRules')
    : []) {
    const issuer = readString(ctx, rule, 'issuer', `${path}.issuer`);
    const jwksUri = readString(ctx, rule, 'jwksUri', `${path}.jwksUri`);
    if (issuer === null && jwksUri === null) {
      ctx.report('MG008', rule.pos, { field: `${path}.issuer`, kind: KIND });
    }
    if (issuer !== null) issuers.push(issuer);
  }
  return { ...base, kind: KIND, selector, targetRefs, issuers };
}
