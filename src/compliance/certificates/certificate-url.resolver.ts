import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { LearningRecord } from '../../records';
import { certificatePath } from '../http/compliance-routes';

/** Adds `certificateUrl` to every learning record type. */
@Resolver(() => LearningRecord)
export class CertificateUrlResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'A signed link to the PDF certificate of this completion, valid for SIGNED_URL_TTL_SECONDS; null when the record is not a completion or nobody is matched to it yet.',
  })
  certificateUrl(@Root() record: LearningRecord, @Ctx() ctx: Context): string | null {
    if (!record.completedAt || record.userLocalId === null) return null;
    return ctx.services.compliance.links.sign(certificatePath(record.localId));
  }
}
