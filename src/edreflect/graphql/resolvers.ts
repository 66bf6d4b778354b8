import { EdReflectImportResolver } from '../edreflect.resolver';
import { EdReflectGoalEntryResolver, EdReflectObservationEntryResolver } from '../records/entry.resolvers';
import { edReflectRecordResolvers } from '../records/record.resolvers';
import { EdReflectColumnResolver } from './column.resolver';
import { EdReflectRubricResolver } from './rubric.resolver';

export const edReflectResolvers: Function[] = [EdReflectImportResolver, EdReflectColumnResolver, EdReflectRubricResolver, ...edReflectRecordResolvers, EdReflectObservationEntryResolver, EdReflectGoalEntryResolver];
