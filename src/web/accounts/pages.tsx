import type { Actor, TokenRow, UserRow } from '../../accounts/index.ts';
import { Role } from '../../accounts/index.ts';
import { Layout } from '../layout.tsx';
import { TRACKER_HEAD } from '../tracker/head.tsx';
import { UserBar } from './user-bar.tsx';

const Csrf = (props: { csrf: string }) => <input type="hidden" name="_csrf" value={props.csrf} />;

export function LoginPage(props: { csrf: string; next?: string; message?: string; username?: string }) {
  return (
    <Layout head={TRACKER_HEAD} title="Log in">
      <h1>Log in</h1>
      <p>
        Readers need no account. Contributors and editors log in to draft, review and publish assessments.
      </p>
      {props.message && (
        <div class="error-summary" role="alert">
          <p>{props.message}</p>
        </div>
      )}
      <form method="post" action="/login" class="login">
        <Csrf csrf={props.csrf} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <p>
          <label for="username">Username</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            required
            value={props.username ?? ''}
          />
        </p>
        <p>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <button type="submit">Log in</button>
      </form>
    </Layout>
  );
}

/** The account page: API tokens (made, listed, revoked) and "log out everywhere". */
export function AccountPage(props: { actor: Actor; csrf: string; tokens: TokenRow[]; newToken?: string }) {
  return (
    <Layout head={TRACKER_HEAD} title="Your account">
      <UserBar actor={props.actor} csrf={props.csrf} />
      <h1>Your account</h1>
      <p>
        {props.actor.name}, role {props.actor.role}.
      </p>
      <section aria-labelledby="tokens">
        <h2 id="tokens">API tokens</h2>
        <p>
          Scripts send a token as <code>Authorization: Bearer …</code> to write through the{' '}
          <a href="/api">API</a> with your role.
        </p>
        {props.newToken && (
          <div class="notice" role="status">
            <p>Your new token; copy it now, it is not shown again:</p>
            <pre id="new-token">{props.newToken}</pre>
          </div>
        )}
        <ul>
          {props.tokens.map((t) => (
            <li>
              {t.name}, made {t.created_at.slice(0, 10)}
              {t.revoked_at ? (
                ' (revoked)'
              ) : (
                <form method="post" action={`/account/tokens/${t.id}/revoke`} class="inline">
                  <Csrf csrf={props.csrf} /> <button type="submit">Revoke</button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action="/account/tokens">
          <Csrf csrf={props.csrf} />
          <label for="token-name">Name of a new token</label> <input id="token-name" name="name" required />{' '}
          <button type="submit">Make a token</button>
        </form>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">Sessions</h2>
        <form method="post" action="/account/logout-everywhere">
          <Csrf csrf={props.csrf} />
          <button type="submit">Log out everywhere</button> (every browser where you are logged in, this one
          too)
        </form>
      </section>
    </Layout>
  );
}

/** Users and their roles, for admins. */
export function UsersPage(props: { actor: Actor; csrf: string; users: UserRow[] }) {
  return (
    <Layout head={TRACKER_HEAD} title="Users">
      <UserBar actor={props.actor} csrf={props.csrf} />
      <h1>Users</h1>
      <p>
        Add users with <code>entente users add</code>.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td>{u.username}</td>
              <td>{u.display_name}</td>
              <td>
                <form method="post" action={`/admin/users/${u.username}/role`} class="inline">
                  <Csrf csrf={props.csrf} />
                  <label class="visually-hidden" for={`role-${u.username}`}>
                    Role of {u.username}
                  </label>
                  <select id={`role-${u.username}`} name="role">
                    {Role.options.map((r) => (
                      <option selected={r === u.role}>{r}</option>
                    ))}
                  </select>{' '}
                  <button type="submit">Set</button>
                </form>
              </td>
              <td>
                {u.disabled ? (
                  'disabled'
                ) : (
                  <form method="post" action={`/admin/users/${u.username}/disable`} class="inline">
                    <Csrf csrf={props.csrf} /> <button type="submit">Disable</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
