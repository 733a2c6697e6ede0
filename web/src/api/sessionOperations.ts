import { graphql } from '../gql/index.ts';

export const SessionFieldsFragment = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    refreshToken
    expiresIn
    user {
      id
      username
      roles
    }
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($input: RegisterInput!) {
    register(input: $input) {
      ...SessionFields
    }
  }
`);

export const SignInDocument = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
      ...SessionFields
    }
  }
`);

export const RefreshSessionDocument = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut($refreshToken: String!) {
    signOut(refreshToken: $refreshToken)
  }
`);
