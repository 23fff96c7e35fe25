/**
 * The control plane (SPEC §7, STYLE.md `control/`): type-graphql resolvers over the map,
 * the policy, requests and audit, merged into the gateway's one schema. Today: `dataMap`.
 */
export { buildControlSchema } from './build-control-schema';
export type { ControlContext, ControlPlaneContext } from './control-context';
export { mergeGatewaySchemas } from './merge-gateway-schemas';
export { printControlSchemaSdl } from './print-control-schema';
