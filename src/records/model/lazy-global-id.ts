import { toGlobalId } from '../../graphql/relay/global-id';

/**
 * Gives every instance of `type` an `id` read from its prototype: the global id of
 * `typeName(instance)` and `instance[localIdKey]`, encoded only when a client selects `id`.
 * A page maps hundreds of rows and most pages never ask for ids, so encoding each one up front
 * was wasted work and garbage. Assigning `id` still works (it becomes an own property).
 */
export function lazyGlobalId<T extends object>(
  type: abstract new () => T,
  localIdKey: keyof T & string,
  typeName: (instance: T) => string = (instance) => instance.constructor.name,
): void {
  Object.defineProperty(type.prototype, 'id', {
    configurable: true,
    enumerable: false,
    get(this: T): string {
      return toGlobalId(typeName(this), String(this[localIdKey]));
    },
    set(this: T, value: string) {
      Object.defineProperty(this, 'id', { value, writable: true, enumerable: true, configurable: true });
    },
  });
}
