import { getMetadataStorage, type ValidationError, type ValidatorOptions, validateOrReject } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

/** As type-graphql validates by default: missing properties skipped, unknown objects allowed. */
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator keys its metadata by class
const constrained = new WeakMap<Function, boolean>();

/** Whether class-validator has any rule for the argument's class (its own or inherited), asked once per class. */
function hasRules(value: object): boolean {
  const target = value.constructor;
  let known = constrained.get(target);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false).length > 0;
    constrained.set(target, known);
  }
  return known;
}

/**
 * type-graphql's argument validation (class-validator, same options, same ArgumentValidationError),
 * run only for argument classes that carry rules. Most arguments (page sizes, filters, ids)
 * have none, and validating them anyway cost every field with arguments a metadata walk.
 */
export async function validateArgs(value: unknown): Promise<void> {
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  const checked = items.filter((item): item is object => item !== null && typeof item === 'object' && hasRules(item));
  if (checked.length === 0) return;
  try {
    await Promise.all(checked.map((item) => validateOrReject(item, OPTIONS)));
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
}
