import { CertificateUrlResolver } from './certificates/certificate-url.resolver';
import { ExpiryNoticeResolver } from './mail/outbox.resolver';
import { ComplianceReportResolver } from './reports/report.resolver';
import { RequirementResolver } from './requirements/requirement.resolver';
import { OrgComplianceResolver, PersonComplianceResolver, ScorecardEntryResolver, UserScorecardResolver } from './requirements/scorecard.resolver';

/** Every resolver class of the compliance graph. */
export const complianceResolvers: Function[] = [RequirementResolver, UserScorecardResolver, OrgComplianceResolver, PersonComplianceResolver, ScorecardEntryResolver, ExpiryNoticeResolver, CertificateUrlResolver, ComplianceReportResolver];
