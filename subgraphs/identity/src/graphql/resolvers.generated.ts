/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './types.generated.ts';
    import    { me as Query_me } from './Query/me.ts';
import    { user as Query_user } from './Query/user.ts';
import    { users as Query_users } from './Query/users.ts';
import    { adjustGil as Mutation_adjustGil } from './Mutation/adjustGil.ts';
import    { changePassword as Mutation_changePassword } from './Mutation/changePassword.ts';
import    { login as Mutation_login } from './Mutation/login.ts';
import    { refreshToken as Mutation_refreshToken } from './Mutation/refreshToken.ts';
import    { register as Mutation_register } from './Mutation/register.ts';
import    { signOut as Mutation_signOut } from './Mutation/signOut.ts';
import    { signOutEverywhere as Mutation_signOutEverywhere } from './Mutation/signOutEverywhere.ts';
import    { AuthPayload } from './AuthPayload.ts';
import    { PageInfo } from './PageInfo.ts';
import    { User } from './User.ts';
import    { UserConnection } from './UserConnection.ts';
import    { UserEdge } from './UserEdge.ts';
import    { DateTimeResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      Query: { me: Query_me,user: Query_user,users: Query_users },
      Mutation: { adjustGil: Mutation_adjustGil,changePassword: Mutation_changePassword,login: Mutation_login,refreshToken: Mutation_refreshToken,register: Mutation_register,signOut: Mutation_signOut,signOutEverywhere: Mutation_signOutEverywhere },
      
      AuthPayload: AuthPayload,
PageInfo: PageInfo,
User: User,
UserConnection: UserConnection,
UserEdge: UserEdge,
DateTime: DateTimeResolver
    }