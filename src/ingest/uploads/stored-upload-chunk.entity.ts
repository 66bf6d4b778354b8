import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StoredUploadEntity } from './stored-upload.entity';

/** One piece of an upload, in order; pieces stay small so no statement holds a whole file. */
@Entity({ name: 'stored_upload_chunk' })
export class StoredUploadChunkEntity {
  @PrimaryColumn({ type: 'bigint', name: 'upload_id' })
  uploadId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @ManyToOne(() => StoredUploadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'upload_id' })
  upload?: Relation<StoredUploadEntity>;

  @Column({ type: 'bytea' })
  data!: Buffer;
}
