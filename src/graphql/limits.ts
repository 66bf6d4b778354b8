import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { Config } from '../config';

export interface QueryLimits {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
}

/**
 * Depth, cost, token and alias limits (graphql-armor), on by default and configurable, for
 * HTTP and WebSocket alike; field suggestions are not given away in production.
 */
export function queryLimits(config: Config): QueryLimits {
  const { maxDepth, maxCost, maxTokens, maxAliases } = config.queryLimits;
  const armor = new ApolloArmor({
    maxDepth: { n: maxDepth },
    costLimit: { maxCost },
    maxTokens: { n: maxTokens },
    maxAliases: { n: maxAliases },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  });
  const protection = armor.protect();
  return { plugins: protection.plugins as ApolloServerPlugin[], validationRules: protection.validationRules as ValidationRule[] };
}
