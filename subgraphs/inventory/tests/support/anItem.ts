let sequence = 0;

/** Builds a valid catalog `CreateItemInput`; each call names a different item. */
export function anItem() {
  sequence++;
  const fields = {
    name: `Inventory item ${Date.now().toString(36)} ${sequence}`,
    description: `Test item number ${sequence}`,
    price: 10,
  };
  const builder = {
    named(name: string) {
      fields.name = name;
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
