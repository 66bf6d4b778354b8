import { EdReflectColumnEntity } from './edreflect-column.entity';
import { EdReflectRowEntity } from './edreflect-row.entity';

/** The EdReflect domain's tables. */
export const edReflectEntities: Function[] = [EdReflectRowEntity, EdReflectColumnEntity];
