/**
 * Every migration of the gateway store, oldest first. Listed explicitly (not by glob) so the
 * same list works under ts-node-style loaders, Jest, and the compiled build. Add each new
 * migration class here.
 */
import { CreateGatewayStore1795995978220 } from './1795995978220-CreateGatewayStore';
import { CreateConsentEvents1796000000000 } from './1796000000000-CreateConsentEvents';
import { CreatePolicySnapshots1796000000001 } from './1796000000001-CreatePolicySnapshots';
import { CreateRightsRequests1796000000002 } from './1796000000002-CreateRightsRequests';
import { AddTaskQueue1796000000003 } from './1796000000003-AddTaskQueue';
import { CreateAuditEvents1796000000004 } from './1796000000004-CreateAuditEvents';
import { AuditRefusesTruncate1796000000005 } from './1796000000005-AuditRefusesTruncate';

export const storeMigrations = [
  CreateGatewayStore1795995978220,
  CreateConsentEvents1796000000000,
  CreatePolicySnapshots1796000000001,
  CreateRightsRequests1796000000002,
  AddTaskQueue1796000000003,
  CreateAuditEvents1796000000004,
  AuditRefusesTruncate1796000000005,
];
