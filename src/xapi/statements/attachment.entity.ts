import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The raw data of a statement attachment, keyed by its SHA-2 (the hash the statement names in
 * `attachments[].sha2`). Equal content is stored once however many statements carry it.
 */
@Entity({ name: 'xapi_attachment' })
export class XapiAttachmentEntity {
  @PrimaryColumn({ type: 'text' })
  sha2!: string;

  @Column({ type: 'text', name: 'content_type' })
  contentType!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
