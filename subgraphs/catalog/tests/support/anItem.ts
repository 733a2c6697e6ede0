let sequence = 0;

/** Builds a valid `CreateItemInput`; each call names a different item. */
export function anItem() {
  sequence++;
  const fields = {
    name: `Item ${sequence}`,
    description: `Test item number ${sequence}`,
    price: 10,
  };
  const builder = {
    named(name: string) {
      fields.name = name;
      return builder;
    },
    describedAs(description: string) {
      fields.description = description;
      return builder;
    },
    withPrice(price: number) {
      fields.price = price;
      return builder;
    },
    build: () => ({ ...fields }),
  };
  return builder;
}
