import 'reflect-metadata';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { DirectiveLocation, GraphQLDirective } from 'graphql';
import { Arg, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildFederatedSchema } from '../src/graphql/federation/federated-schema';

/*
 * The `products` subgraph of the Apollo Federation subgraph compatibility suite
 * (@apollo/federation-subgraph-compatibility-tests, its products.graphql and data), written as
 * type-graphql classes and built by the same `buildFederatedSchema` as learngraph's own schema,
 * so that the suite certifies the stack the product runs on.
 *
 *   node dist/scripts/compat-products.js              products on 127.0.0.1:4001
 *   node dist/scripts/compat-products.js --gateway    also @apollo/gateway on 127.0.0.1:4000 over
 *                                                     products, users (:4002) and inventory (:4003)
 */

@ObjectType()
class ProductVariation {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
class CaseStudy {
  @Field(() => ID)
  caseNumber!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

@Directive('@key(fields: "study { caseNumber }")')
@ObjectType()
class ProductResearch {
  @Field(() => CaseStudy)
  study!: CaseStudy;

  @Field(() => String, { nullable: true })
  outcome!: string | null;
}

@Directive('@shareable')
@ObjectType()
class ProductDimension {
  @Field(() => String, { nullable: true })
  size!: string | null;

  @Field(() => Float, { nullable: true })
  weight!: number | null;

  @Directive('@inaccessible')
  @Field(() => String, { nullable: true })
  unit!: string | null;
}

// `@extends` keeps the products.graphql `extend type User` meaning: the @external key field is resolvable here.
@Directive('@extends')
@Directive('@key(fields: "email")')
@ObjectType()
class User {
  @Directive('@requires(fields: "totalProductsCreated yearsOfEmployment")')
  @Field(() => Int, { nullable: true })
  averageProductsCreatedPerYear!: number | null;

  @Directive('@external')
  @Field(() => ID)
  email!: string;

  @Directive('@override(from: "users")')
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Directive('@external')
  @Field(() => Int, { nullable: true })
  totalProductsCreated!: number | null;

  @Directive('@external')
  @Field(() => Int)
  yearsOfEmployment!: number;
}

@Directive('@custom')
@Directive('@key(fields: "id")')
@Directive('@key(fields: "sku package")')
@Directive('@key(fields: "sku variation { id }")')
@ObjectType()
class Product {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  sku!: string | null;

  @Field(() => String, { nullable: true })
  package!: string | null;

  @Field(() => ProductVariation, { nullable: true })
  variation!: ProductVariation | null;

  @Field(() => ProductDimension, { nullable: true })
  dimensions!: ProductDimension | null;

  @Directive('@provides(fields: "totalProductsCreated")')
  @Field(() => User, { nullable: true })
  createdBy!: User | null;

  @Directive('@tag(name: "internal")')
  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => [ProductResearch])
  research!: ProductResearch[];
}

@Directive('@key(fields: "sku package")')
@ObjectType()
class DeprecatedProduct {
  @Field(() => String)
  sku!: string;

  @Field(() => String)
  package!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => User, { nullable: true })
  createdBy!: User | null;
}

@Directive('@interfaceObject')
@Directive('@key(fields: "id")')
@ObjectType()
class Inventory {
  @Field(() => ID)
  id!: string;

  @Field(() => [DeprecatedProduct])
  deprecatedProducts!: DeprecatedProduct[];
}

// The suite's data set.
const user = (): User => Object.assign(new User(), { email: 'support@apollographql.com', name: 'Jane Smith', totalProductsCreated: 1337, yearsOfEmployment: 10 });
const research = [
  Object.assign(new ProductResearch(), { study: { caseNumber: '1234', description: 'Federation Study' }, outcome: null }),
  Object.assign(new ProductResearch(), { study: { caseNumber: '1235', description: 'Studio Study' }, outcome: null }),
];
const dimension = { size: 'small', weight: 1, unit: 'kg' };
const products = [
  { id: 'apollo-federation', sku: 'federation', package: '@apollo/federation', variation: { id: 'OSS' }, research: [research[0]!] },
  { id: 'apollo-studio', sku: 'studio', package: '', variation: { id: 'platform' }, research: [research[1]!] },
].map((p) => Object.assign(new Product(), { ...p, dimensions: dimension, createdBy: user(), notes: null }));
const deprecatedProduct = Object.assign(new DeprecatedProduct(), {
  sku: 'apollo-federation-v1',
  package: '@apollo/federation-v1',
  reason: 'Migrate to Federation V2',
  createdBy: user(),
});

@Resolver(() => Product)
class ProductResolver {
  @Query(() => Product, { nullable: true })
  product(@Arg('id', () => ID) id: string): Product | null {
    return products.find((p) => p.id === id) ?? null;
  }

  @Query(() => DeprecatedProduct, { nullable: true, deprecationReason: 'Use product query instead' })
  deprecatedProduct(@Arg('sku', () => String) sku: string, @Arg('package', () => String) pkg: string): DeprecatedProduct | null {
    return sku === deprecatedProduct.sku && pkg === deprecatedProduct.package ? deprecatedProduct : null;
  }
}

@Resolver(() => User)
class UserResolver {
  @FieldResolver(() => Int, { nullable: true })
  averageProductsCreatedPerYear(@Root() u: User): number | null {
    if (u.email !== 'support@apollographql.com') throw new Error("user.email was not 'support@apollographql.com'");
    return u.totalProductsCreated == null || !u.yearsOfEmployment ? null : Math.round(u.totalProductsCreated / u.yearsOfEmployment);
  }
}

type Ref = Record<string, unknown>;
const productFor = (ref: Ref): Product | undefined => {
  if (ref['id'] !== undefined) return products.find((p) => p.id === ref['id']);
  if (ref['package'] !== undefined) return products.find((p) => p.sku === ref['sku'] && p.package === ref['package']);
  const variation = ref['variation'] as { id?: string } | undefined;
  return products.find((p) => p.sku === ref['sku'] && p.variation?.id === variation?.id);
};

export function productsSchema() {
  return buildFederatedSchema({
    link: `extend schema
      @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@composeDirective", "@extends", "@external", "@key", "@inaccessible", "@interfaceObject", "@override", "@provides", "@requires", "@shareable", "@tag"])
      @link(url: "https://myspecs.dev/myCustomDirective/v1.0", import: ["@custom"])
      @composeDirective(name: "@custom")`,
    resolvers: [ProductResolver, UserResolver],
    orphanedTypes: [Inventory],
    directives: [new GraphQLDirective({ name: 'custom', locations: [DirectiveLocation.OBJECT] })],
    referenceResolvers: {
      Product: { __resolveReference: (ref) => productFor(ref) ?? null },
      DeprecatedProduct: {
        __resolveReference: (ref) => (ref['sku'] === deprecatedProduct.sku && ref['package'] === deprecatedProduct.package ? deprecatedProduct : null),
      },
      ProductResearch: {
        __resolveReference: (ref) => research.find((r) => r.study.caseNumber === (ref['study'] as { caseNumber?: string } | undefined)?.caseNumber) ?? null,
      },
      // The router sends the @requires fields along with the key.
      User: { __resolveReference: (ref) => Object.assign(user(), ref) },
      Inventory: {
        __resolveReference: (ref) => (ref['id'] === 'apollo-oss' ? Object.assign(new Inventory(), { id: 'apollo-oss', deprecatedProducts: [deprecatedProduct] }) : null),
      },
    },
  });
}

async function main(): Promise<void> {
  const port = Number(process.env['PRODUCTS_PORT'] ?? 4001);
  const products = new ApolloServer({ schema: productsSchema() });
  const { url } = await startStandaloneServer(products, { listen: { host: '127.0.0.1', port } });
  process.stdout.write(`products subgraph at ${url}\n`);
  if (!process.argv.includes('--gateway')) return;
  const gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({
        subgraphs: [
          { name: 'products', url },
          { name: 'users', url: 'http://127.0.0.1:4002/' },
          { name: 'inventory', url: 'http://127.0.0.1:4003/' },
        ],
      }),
    }),
  });
  const started = await startStandaloneServer(gateway, { listen: { host: '127.0.0.1', port: 4000 } });
  process.stdout.write(`gateway at ${started.url}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
