import { AUTHZ_ACTIONS, OPERATION_FIELDS, SOURCE_FIELDS } from '../../model/istio.js';
import type {
  AuthorizationAction,
  AuthorizationPolicy,
  AuthorizationRule,
  Condition,
  MatchField,
  OperationMatch,
  SourceMatch,
} from '../../model/istio.js';
import type { ObjectBase } from '../../model/kubernetes.js';
import type { Located, Source } from '../../model/source.js';
import type { YamlMap } from '../yaml/types.js';
import {
  checkConditionKey,
  checkIpOrCidr,
  checkPathTemplate,
  checkPort,
  checkServiceAccount,
  checkTrustDomain,
} from '../validate/authorization-values.js';
import type { NarrowContext } from './context.js';
import {
  checkFields,
  pairOf,
  presentValue,
  readList,
  readMap,
  readString,
  readStringList,
} from './read.js';
import { readMatchLabelsSelector, readTargetRefs } from './selectors.js';
import { quote } from '../../findings/quote.js';

const KIND = 'AuthorizationPolicy';
const SPEC_FIELDS = new Set(['selector', 'targetRef', 'targetRefs', 'rules', 'action', 'provider']);
const RULE_FIELDS = new Set(['from', 'to', 'when']);
const CONDITION_FIELDS = new Set(['key', 'values', 'notValues']);

type ValueCheck = (value: string) => string | null;

/** Per-field value checks (`ValidateAuthorizationPolicy`); every field also rejects empty strings. */
const VALUE_CHECKS: Partial<Record<keyof SourceMatch | keyof OperationMatch, ValueCheck>> = {
  ipBlocks: checkIpOrCidr,
  notIpBlocks: checkIpOrCidr,
  remoteIpBlocks: checkIpOrCidr,
  notRemoteIpBlocks: checkIpOrCidr,
  serviceAccounts: checkServiceAccount,
  notServiceAccounts: checkServiceAccount,
  trustDomains: checkTrustDomain,
  notTrustDomains: checkTrustDomain,
  ports: checkPort,
  notPorts: checkPort,
  paths: checkPathTemplate,
  notPaths: checkPathTemplate,
};

/** Source fields and `when` keys a CUSTOM policy may not use (CUSTOM validation). */
const CUSTOM_FORBIDDEN_SOURCE = new Set([
  'principals',
  'notPrincipals',
  'requestPrincipals',
  'notRequestPrincipals',
  'namespaces',
  'notNamespaces',
  'serviceAccounts',
  'notServiceAccounts',
  'trustDomains',
  'notTrustDomains',
]);
const CUSTOM_FORBIDDEN_KEYS = new Set([
  'source.namespace',
  'source.serviceAccount',
  'source.trustDomain',
  'source.principal',
]);

/** `istio/api:security/v1beta1/authorization_policy.proto`, validated as `ValidateAuthorizationPolicy` does. */
export function narrowAuthorizationPolicy(
  ctx: NarrowContext,
  object: YamlMap,
  base: ObjectBase,
): AuthorizationPolicy {
  const spec = readMap(ctx, object, 'spec', 'spec');
  if (spec !== null) checkFields(ctx, spec, SPEC_FIELDS, 'spec', KIND);
  const selector = spec && readMatchLabelsSelector(ctx, spec, 'selector', 'spec.selector', KIND);
  const targetRefs = spec ? readTargetRefs(ctx, spec, KIND) : [];
  if (selector !== null && targetRefs.length > 0) ctx.report('MG020', selector.at, {});
  const action = spec ? readAction(ctx, spec) : null;
  const actionValue: AuthorizationAction = action?.value ?? 'ALLOW';
  const provider = spec ? readProvider(ctx, spec, actionValue) : null;
  const rules = spec ? readRules(ctx, spec, actionValue) : null;
  if (
    (actionValue === 'DENY' || actionValue === 'CUSTOM') &&
    (rules === null || rules.length === 0)
  ) {
    ctx.report('MG015', action?.at ?? base.source, { action: actionValue });
  }
  return {
    ...base,
    kind: KIND,
    selector,
    targetRefs,
    action: actionValue,
    actionAt: action?.at ?? base.source,
    provider,
    rules,
    dryRun: readDryRun(ctx, object, base, actionValue),
    dryRunAt: dryRunPosition(ctx, object),
  };
}

const DRY_RUN = 'istio.io/dry-run';
/** Go's `strconv.ParseBool`, which both the webhook and `builder.go` `isDryRun` use. */
const GO_BOOLEANS: ReadonlyMap<string, boolean> = new Map(
  ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].map((v, i) => [
    v,
    i < 6,
  ]),
);

/**
 * `istio.io/dry-run` as the validation webhook admits it (`checkDryRunAnnotation`): only on ALLOW
 * and DENY, and only with a value `strconv.ParseBool` reads; otherwise the policy is rejected.
 */
function readDryRun(
  ctx: NarrowContext,
  object: YamlMap,
  base: ObjectBase,
  action: AuthorizationAction,
): boolean {
  const value = base.annotations[DRY_RUN];
  if (value === undefined) return false;
  const at = dryRunPosition(ctx, object) ?? base.source;
  const field = `metadata.annotations.${DRY_RUN}`;
  if (action !== 'ALLOW' && action !== 'DENY') {
    ctx.report('MG016', at, {
      field,
      value,
      reason: `Istio supports it on ALLOW and DENY policies only, not ${action}`,
    });
    return false;
  }
  const parsed = GO_BOOLEANS.get(value);
  if (parsed === undefined)
    ctx.report('MG016', at, {
      field,
      value,
      reason: 'it must be a boolean such as `true` or `false`',
    });
  return parsed ?? false;
}

/** The line of the dry-run annotation, so MG211 points at it rather than at the object. */
function dryRunPosition(ctx: NarrowContext, object: YamlMap): Source | null {
  const meta = pairOf(object, 'metadata')?.value;
  const annotations = meta?.type === 'map' ? pairOf(meta, 'annotations')?.value : null;
  const pair = annotations?.type === 'map' ? pairOf(annotations, DRY_RUN) : null;
  return pair ? ctx.at(pair.keyPos) : null;
}

function readAction(ctx: NarrowContext, spec: YamlMap): Located<AuthorizationAction> | null {
  const action = readString(ctx, spec, 'action', 'spec.action');
  if (action === null) return null;
  if ((AUTHZ_ACTIONS as readonly string[]).includes(action.value))
    return action as Located<AuthorizationAction>;
  ctx.report('MG011', action.at, {
    field: 'spec.action',
    value: action.value,
    allowed: AUTHZ_ACTIONS.join(', '),
  });
  return null;
}

function readProvider(
  ctx: NarrowContext,
  spec: YamlMap,
  action: AuthorizationAction,
): Located<string> | null {
  const provider = readMap(ctx, spec, 'provider', 'spec.provider');
  if (provider === null) {
    if (action === 'CUSTOM')
      ctx.report('MG018', spec.pos, { detail: 'a CUSTOM policy needs `provider.name`' });
    return null;
  }
  checkFields(ctx, provider, new Set(['name']), 'spec.provider', KIND);
  const name = readString(ctx, provider, 'name', 'spec.provider.name');
  if (action !== 'CUSTOM') {
    ctx.report('MG018', provider.pos, {
      detail: `\`provider\` is only allowed with action CUSTOM, not ${action}`,
    });
  } else if (name === null || name.value === '') {
    ctx.report('MG018', provider.pos, {
      detail: 'a CUSTOM policy needs a non-empty `provider.name`',
    });
  }
  return name;
}

function readRules(
  ctx: NarrowContext,
  spec: YamlMap,
  action: AuthorizationAction,
): AuthorizationRule[] | null {
  const items = readList(ctx, spec, 'rules', 'spec.rules');
  if (items === null) return null;
  const rules: AuthorizationRule[] = [];
  items.forEach((item, index) => {
    const field = `spec.rules[${index}]`;
    if (item === null) {
      // A bare `-` is a null rule, which validation rejects ("rule must not be nil").
      ctx.report('MG019', spec.pos, { field });
      return;
    }
    if (item.type !== 'map') {
      ctx.report('MG009', item.pos, {
        field,
        expected: 'a mapping',
        actual: item.type === 'seq' ? 'a list' : 'a scalar',
      });
      return;
    }
    rules.push(readRule(ctx, item, field, action));
  });
  return rules;
}

function readRule(
  ctx: NarrowContext,
  rule: YamlMap,
  field: string,
  action: AuthorizationAction,
): AuthorizationRule {
  checkFields(ctx, rule, RULE_FIELDS, field, KIND);
  return {
    at: ctx.at(rule.pos),
    from: readClauses(ctx, rule, 'from', 'source', field, (map, path) =>
      readSource(ctx, map, path, action),
    ),
    to: readClauses(ctx, rule, 'to', 'operation', field, (map, path) =>
      readOperation(ctx, map, path),
    ),
    when: readConditions(ctx, rule, field, action),
  };
}

/** `from[].source` and `to[].operation`: a list of single-key wrappers. */
function readClauses<T>(
  ctx: NarrowContext,
  rule: YamlMap,
  key: 'from' | 'to',
  inner: 'source' | 'operation',
  field: string,
  read: (map: YamlMap, path: string) => T | null,
): T[] | null {
  const items = readList(ctx, rule, key, `${field}.${key}`);
  if (items === null) return null;
  if (items.length === 0)
    ctx.report('MG019', pairOf(rule, key)?.keyPos ?? rule.pos, { field: `${field}.${key}` });
  const clauses: T[] = [];
  items.forEach((item, index) => {
    const path = `${field}.${key}[${index}]`;
    if (item?.type !== 'map') {
      ctx.report('MG019', item?.pos ?? rule.pos, { field: path });
      return;
    }
    checkFields(ctx, item, new Set([inner]), path, KIND);
    const body = readMap(ctx, item, inner, `${path}.${inner}`);
    if (body === null) {
      ctx.report('MG019', item.pos, { field: `${path}.${inner}` });
      return;
    }
    const clause = read(body, `${path}.${inner}`);
    if (clause !== null) clauses.push(clause);
  });
  return clauses;
}

/**
 * Reads the match fields of a `source` or `operation`. Returns them and whether any field was
 * written at all, so a field whose values were all invalid is not also reported as "empty".
 */
function readMatchFields<F extends string>(
  ctx: NarrowContext,
  map: YamlMap,
  path: string,
  fields: readonly F[],
): { fields: Partial<Record<F, MatchField>>; written: boolean } {
  checkFields(ctx, map, new Set<string>(fields), path, KIND);
  const result: Partial<Record<F, MatchField>> = {};
  let written = false;
  for (const name of fields) {
    const values = readStringList(ctx, map, name, `${path}.${name}`);
    if (values === null) continue;
    const node = presentValue(map, name);
    written ||= node?.type === 'seq' && node.items.length > 0;
    const check = VALUE_CHECKS[name as keyof typeof VALUE_CHECKS];
    for (const [index, value] of values.entries()) {
      const reason = value.value === '' ? 'empty values are not allowed' : check?.(value.value);
      if (reason)
        ctx.report('MG016', value.at, {
          field: `${path}.${name}[${index}]`,
          value: value.value,
          reason,
        });
    }
    // An empty list is the same as an absent field in protobuf.
    if (values.length > 0)
      result[name] = { values, at: ctx.at(pairOf(map, name)?.keyPos ?? map.pos) };
  }
  return { fields: result, written };
}

function readSource(
  ctx: NarrowContext,
  map: YamlMap,
  path: string,
  action: AuthorizationAction,
): SourceMatch | null {
  const { fields, written } = readMatchFields(ctx, map, path, SOURCE_FIELDS);
  const present = Object.keys(fields);
  if (!written) ctx.report('MG019', map.pos, { field: path });
  const identity = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'].some(
    (f) => f in fields,
  );
  if (identity && ('serviceAccounts' in fields || 'notServiceAccounts' in fields)) {
    ctx.report('MG016', map.pos, {
      field: path,
      value: 'serviceAccounts',
      reason: 'cannot be combined with principals or namespaces',
    });
  }
  if (action === 'CUSTOM') {
    for (const name of present.filter((f) => CUSTOM_FORBIDDEN_SOURCE.has(f))) {
      ctx.report('MG018', fields[name as keyof typeof fields]?.at ?? ctx.at(map.pos), {
        detail: `${quote(name)} is not supported with action CUSTOM`,
      });
    }
  }
  return { at: ctx.at(map.pos), ...fields };
}

function readOperation(ctx: NarrowContext, map: YamlMap, path: string): OperationMatch | null {
  const { fields, written } = readMatchFields(ctx, map, path, OPERATION_FIELDS);
  if (!written) ctx.report('MG019', map.pos, { field: path });
  return { at: ctx.at(map.pos), ...fields };
}

function readConditions(
  ctx: NarrowContext,
  rule: YamlMap,
  field: string,
  action: AuthorizationAction,
): Condition[] | null {
  const items = readList(ctx, rule, 'when', `${field}.when`);
  if (items === null) return null;
  const conditions: Condition[] = [];
  items.forEach((item, index) => {
    const path = `${field}.when[${index}]`;
    if (item?.type !== 'map') {
      ctx.report('MG019', item?.pos ?? rule.pos, { field: path });
      return;
    }
    const condition = readCondition(ctx, item, path, action);
    if (condition !== null) conditions.push(condition);
  });
  return conditions;
}

function readCondition(
  ctx: NarrowContext,
  item: YamlMap,
  path: string,
  action: AuthorizationAction,
): Condition | null {
  checkFields(ctx, item, CONDITION_FIELDS, path, KIND);
  const key = readString(ctx, item, 'key', `${path}.key`);
  if (key === null || key.value === '') {
    ctx.report('MG008', item.pos, { field: `${path}.key`, kind: KIND });
    return null;
  }
  const values = readStringList(ctx, item, 'values', `${path}.values`);
  const notValues = readStringList(ctx, item, 'notValues', `${path}.notValues`);
  if ((values?.length ?? 0) === 0 && (notValues?.length ?? 0) === 0) {
    ctx.report('MG019', item.pos, { field: `${path}.values` });
  }
  const check = checkConditionKey(key.value);
  if (!check.ok) {
    ctx.report('MG017', key.at, { key: key.value, reason: check.reason });
  } else {
    for (const [name, list] of [
      ['values', values],
      ['notValues', notValues],
    ] as const) {
      for (const [index, value] of (list ?? []).entries()) {
        const reason =
          value.value === '' ? 'empty values are not allowed' : check.values(value.value);
        if (reason)
          ctx.report('MG016', value.at, {
            field: `${path}.${name}[${index}]`,
            value: value.value,
            reason,
          });
      }
    }
  }
  if (
    action === 'CUSTOM' &&
    (CUSTOM_FORBIDDEN_KEYS.has(key.value) || key.value.startsWith('request.auth.'))
  ) {
    ctx.report('MG018', key.at, {
      detail: `${quote(key.value)} is not supported with action CUSTOM`,
    });
  }
  return { at: ctx.at(item.pos), key, values: nonEmpty(values), notValues: nonEmpty(notValues) };
}

function nonEmpty<T>(list: readonly T[] | null): readonly T[] | null {
  return list === null || list.length === 0 ? null : list;
}
