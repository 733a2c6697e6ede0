let sequence = 0;

/** Builds a valid `RegisterInput`; each call names a different player. */
export function aPlayer() {
  sequence++;
  const tag = `${Date.now().toString(36)}${sequence}`;
  const fields = {
    username: `player_${tag}`,
    email: `player.${tag}@example.com`,
    password: `a long password ${tag}`,
  };
  const builder = {
    named(username: string) {
      fields.username = username;
      return builder;
    },
    withEmail(email: string) {
      fields.email = email;
      return builder;
    },
    withPassword(password: string) {
      fields.password = password;
      return builder;
    },
    build: () => ({ ...fields }),
  };
  return builder;
}
