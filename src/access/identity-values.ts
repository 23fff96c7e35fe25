/** `Subject.identities` entries carry their identity kind (map key) and their subject, so
 * the access rule can decide how to show each value. */
export const IDENTITY_KIND = Symbol('privgraph.identityKind');
