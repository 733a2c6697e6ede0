import { parse } from 'graphql';
import type { LeanSubgraph } from './LeanSubgraph.ts';

interface User {
  id: string;
  name: string;
  username: string;
  birthday: number;
}

const USERS: readonly User[] = [
  { id: '1', name: 'Uri Goldshtein', username: 'urigo', birthday: 1234567890 },
  { id: '2', name: 'Dotan Simha', username: 'dotansimha', birthday: 1234567890 },
  { id: '3', name: 'Kamil Kisiela', username: 'kamilkisiela', birthday: 1234567890 },
  { id: '4', name: 'Arda Tanrikulu', username: 'ardatan', birthday: 1234567890 },
  { id: '5', name: 'Gil Gardosh', username: 'gilgardosh', birthday: 1234567890 },
  { id: '6', name: 'Laurin Quast', username: 'laurin', birthday: 1234567890 },
];

function userById(id: string): User | null {
  return USERS.find((user) => user.id === id) ?? null;
}

/** Users: the root of the benchmark query (`users`), and `User.name` for review authors. */
export const accounts: LeanSubgraph = {
  name: 'accounts',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

    type Query {
      """The first user."""
      me: User
      """One user by id."""
      user(id: ID!): User
      """Every user."""
      users: [User]
    }

    """A user account."""
    type User @key(fields: "id") {
      id: ID!
      """Full name."""
      name: String
      """Handle; reviews provides it too, for review authors."""
      username: String @shareable
      """Seconds since the epoch."""
      birthday: Int
    }
  `),
  resolvers: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => userById(id),
      users: () => USERS,
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => userById(id),
    },
  },
};
