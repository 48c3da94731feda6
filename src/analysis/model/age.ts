/**
 * The creation time given to objects a change adds when the manifests carry none: later than any
 * real time. Istio breaks ties between same-level PeerAuthentications (and orders Sidecars and
 * DestinationRule merges) by age, oldest first (`configCompareByCreationTime`); once merged, an
 * object the pull request adds is created after every object already in the cluster, so it must
 * not win a tie by name against one that exists.
 */
export const ADDED_BY_CHANGE = '9999-12-31T23:59:59Z';

export function isAddedByChange(object: { readonly creationTimestamp: string | null }): boolean {
  return object.creationTimestamp === ADDED_BY_CHANGE;
}
