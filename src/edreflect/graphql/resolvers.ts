import { EdReflectImportResolver } from '../edreflect.resolver';
import { EdReflectColumnResolver } from './column.resolver';
import { EdReflectRubricResolver } from './rubric.resolver';

export const edReflectResolvers: Function[] = [EdReflectImportResolver, EdReflectColumnResolver, EdReflectRubricResolver];
