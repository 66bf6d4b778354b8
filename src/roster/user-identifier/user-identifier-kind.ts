import { registerEnumType } from 'type-graphql';

/** The enum's values are what `user_identifier.kind` stores. */
export enum UserIdentifierKind {
  SOURCED_ID = 'sourcedId',
  USERNAME = 'username',
  IDENTIFIER = 'identifier',
  EMAIL = 'email',
  USER_ID = 'userId',
}

registerEnumType(UserIdentifierKind, {
  name: 'UserIdentifierKind',
  valuesConfig: {
    USER_ID: { description: 'An entry of OneRoster `userIds`, such as `{LDAP:jdoe}`; its type is the `namespace`.' },
  },
});
