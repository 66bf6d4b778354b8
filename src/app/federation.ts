/**
 * How learngraph joins a supergraph: the Federation 2 spec it links and its entity types
 * (each carries `@key(fields: "id")` on its class, `User` also `@key(fields: "sourcedId")`).
 */
export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

export const ENTITY_TYPES = ['User', 'Org', 'Class', 'Course', 'AcademicSession', 'Enrollment', 'LearningItem'] as const;
