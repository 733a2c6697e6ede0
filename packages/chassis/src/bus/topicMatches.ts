/**
 * Whether a routing key matches a binding pattern, with RabbitMQ topic-exchange semantics:
 * words are separated by `.`, `*` matches exactly one word and `#` matches zero or more words.
 *
 * @example topicMatches('catalog.item.*', 'catalog.item.updated') // true
 * @example topicMatches('catalog.#', 'catalog') // true: `#` may match no word at all
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  return matchWords(pattern.split('.'), 0, routingKey.split('.'), 0);
}

function matchWords(pattern: string[], p: number, key: string[], k: number): boolean {
  // Walk literal and `*` words iteratively; recurse only at `#`, where the match may branch.
  while (p < pattern.length) {
    const word = pattern[p];
    if (word === '#') {
      // Consecutive `#` are equivalent to one.
      while (pattern[p + 1] === '#') p += 1;
      if (p === pattern.length - 1) return true;
      for (let skip = k; skip <= key.length; skip += 1) {
        if (matchWords(pattern, p + 1, key, skip)) return true;
      }
      return false;
    }
    if (k >= key.length) return false;
    if (word !== '*' && word !== key[k]) return false;
    p += 1;
    k += 1;
  }
  return k === key.length;
}
