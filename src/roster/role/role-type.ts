import { registerEnumType } from 'type-graphql';

/** The enum's values are what `role.role_type` stores. */
export enum RoleType {
  PRIMARY = 'primary',
  SECONDARY = 'secondary',
}

registerEnumType(RoleType, { name: 'RoleType', description: 'A user has at most one primary role per org.' });
