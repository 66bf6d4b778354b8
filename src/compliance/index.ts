/**
 * The compliance domain's public module: learning requirements and scorecards, expiry emails,
 * certificates and compliance reports, built on the records domain's items, records, validity
 * periods and equivalences.
 */
export { complianceEntities } from './compliance.entities';
export { type ComplianceServices, createComplianceServices } from './compliance.services';
export { type ComplianceLoaders, createComplianceLoaders } from './compliance.loaders';
export { complianceResolvers } from './compliance.resolvers';
export { mountCompliance } from './http/compliance-routes';
export { COMPLIANCE_REPORT_JOB_KIND, complianceReportJobHandler } from './reports/compliance-report.job';
