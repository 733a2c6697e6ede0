import type { Session } from '../application/IssueSession.ts';
import type { UserViewPage } from '../application/ListUsers.ts';
import type { UserView } from '../domain/UserView.ts';

/**
 * GraphQL `User` fields are read off the user as the caller sees them: the private ones
 * (`email`, `gil`) throw FORBIDDEN for anyone but the user themself or an admin.
 */
export type UserMapper = UserView;

/** A page of users; edges and cursors are derived in the resolvers. */
export type UserConnectionMapper = UserViewPage;

export type UserEdgeMapper = UserView;

/** A session from `register`, `login` or `refreshToken`. */
export type AuthPayloadMapper = Session;
