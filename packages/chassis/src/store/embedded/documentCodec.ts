/**
 * JSON with `Date` preserved (`{ "$date": "<ISO-8601>" }`, as in MongoDB Extended JSON), used
 * for the journal and for comparing index keys. Other non-JSON values are not supported.
 */
export const documentCodec = {
  stringify(value: unknown): string {
    return JSON.stringify(
      value,
      function (this: Record<string, unknown>, key: string, encoded: unknown) {
        // `Date.prototype.toJSON` has already run on `encoded`; the holder still has the Date.
        const raw = this[key];
        return raw instanceof Date ? { $date: raw.toISOString() } : encoded;
      },
    );
  },

  parse(text: string): unknown {
    return JSON.parse(text, (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const keys = Object.keys(value);
        const date = (value as { $date?: unknown }).$date;
        if (keys.length === 1 && typeof date === 'string') return new Date(date);
      }
      return value;
    });
  },
};
