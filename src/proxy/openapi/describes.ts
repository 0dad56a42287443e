/**
 * True when a schema's output type `Schema` promises an `Interface`: every
 * value it describes is one, and it names exactly the interface's keys. Used
 * as `true satisfies Describes<…>` beside a zod schema written for a shape
 * the handlers type by hand, so the two cannot drift apart unnoticed.
 *
 * @example
 * true satisfies Describes<z.infer<typeof ErrorBodySchema>, ErrorBody>;
 */
export type Describes<Schema, Interface> = [Schema] extends [Interface]
  ? [keyof Schema] extends [keyof Interface]
    ? [keyof Interface] extends [keyof Schema]
      ? true
      : false
    : false
  : false;
