/** How `node(id)` finds each type: type name -> fetch by local id through the request's loaders. */
export type NodeRegistry<Loaders> = Readonly<Record<string, (loaders: Loaders, id: string) => Promise<object | null>>>;
