import { SourceFileEntity } from './source-file.entity';
import { SourceEntity } from './source.entity';

export const sourceEntities: Function[] = [SourceEntity, SourceFileEntity];
