export { auditCheckpoints } from './audit-checkpoints.ts';
export { auditChainHeads } from './audit-chain-heads.ts';
export { auditEvents, type AuditEventRow } from './audit-events.ts';
export { auditReviews } from './audit-reviews.ts';
export { tenantPolicies } from './tenant-policies.ts';
export { serviceKeys } from './service-keys.ts';
export { auditSinkCursors, auditSinkLeases } from './audit-sinks.ts';
