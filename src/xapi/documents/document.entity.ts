import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A document of the state, activity profile or agent profile resources. Parts a kind does not
 * use are '' rather than null so one unique index covers every kind.
 */
@Entity({ name: 'xapi_document' })
@Index('xapi_document_key', ['kind', 'activityId', 'agentIfi', 'registration', 'documentId'], { unique: true })
export class XapiDocumentEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** state, activity_profile or agent_profile. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text', name: 'activity_id' })
  activityId!: string;

  @Column({ type: 'text', name: 'agent_ifi' })
  agentIfi!: string;

  @Column({ type: 'text' })
  registration!: string;

  /** stateId or profileId. */
  @Column({ type: 'text', name: 'document_id' })
  documentId!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ type: 'text', name: 'content_type' })
  contentType!: string;

  /** Quoted SHA-1 of the content, as sent in ETag headers. */
  @Column({ type: 'text' })
  etag!: string;

  @Column({ type: 'timestamptz' })
  updated!: Date;
}
