import type { AdjustGil } from './AdjustGil.ts';
import type { ChangePassword } from './ChangePassword.ts';
import type { GetJwks } from './GetJwks.ts';
import type { GetUser } from './GetUser.ts';
import type { GetViewer } from './GetViewer.ts';
import type { ListUsers } from './ListUsers.ts';
import type { Login } from './Login.ts';
import type { RefreshSession } from './RefreshSession.ts';
import type { Register } from './Register.ts';
import type { RotateSigningKey } from './RotateSigningKey.ts';
import type { SeedAdmin } from './SeedAdmin.ts';
import type { SignOut } from './SignOut.ts';
import type { SignOutEverywhere } from './SignOutEverywhere.ts';

/** Everything identity can do, as handed to its GraphQL resolvers and HTTP routes. */
export interface IdentityUseCases {
  getViewer: GetViewer;
  getUser: GetUser;
  listUsers: ListUsers;
  register: Register;
  login: Login;
  refreshSession: RefreshSession;
  signOut: SignOut;
  signOutEverywhere: SignOutEverywhere;
  changePassword: ChangePassword;
  adjustGil: AdjustGil;
  getJwks: GetJwks;
  rotateSigningKey: RotateSigningKey;
  seedAdmin: SeedAdmin;
}
