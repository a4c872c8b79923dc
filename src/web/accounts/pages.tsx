import type { Actor, TokenRow, UserRow } from '../../accounts/index.ts';
import { Role } from '../../accounts/index.ts';
import { at } from '../base-path.ts';
import { TRACKER_HEAD } from '../head.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { UserBar } from '../user-bar.tsx';
import { Msg, roleName } from '../words.tsx';

const Csrf = (props: { csrf: string }) => <input type="hidden" name="_csrf" value={props.csrf} />;

export function LoginPage(props: { csrf: string; next?: string; message?: string; username?: string }) {
  const { t } = useI18n();
  return (
    <Layout head={TRACKER_HEAD} title={t('accounts.login.title')}>
      <h1>{t('accounts.login.title')}</h1>
      <p>{t('accounts.login.lead')}</p>
      {props.message && (
        <div class="error-summary" role="alert">
          <p>{props.message}</p>
        </div>
      )}
      <form method="post" action={at('/login')} class="login">
        <Csrf csrf={props.csrf} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <p>
          <label for="username">{t('accounts.username')}</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            required
            value={props.username ?? ''}
          />
        </p>
        <p>
          <label for="password">{t('accounts.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <button type="submit">{t('accounts.login.submit')}</button>
      </form>
    </Layout>
  );
}

/** The account page: API tokens (made, listed, revoked) and "log out everywhere". */
export function AccountPage(props: { actor: Actor; csrf: string; tokens: TokenRow[]; newToken?: string }) {
  const { t, date } = useI18n();
  return (
    <Layout head={TRACKER_HEAD} title={t('accounts.account.title')}>
      <UserBar actor={props.actor} csrf={props.csrf} />
      <h1>{t('accounts.account.title')}</h1>
      <p>{t('accounts.account.who', { name: props.actor.name, role: roleName(t, props.actor.role) })}</p>
      <section aria-labelledby="tokens">
        <h2 id="tokens">{t('accounts.tokens.title')}</h2>
        <p>
          <Msg
            k="accounts.tokens.lead"
            nodes={{ header: <code>Authorization: Bearer …</code>, api: <a href={at('/api')}>API</a> }}
          />
        </p>
        {props.newToken && (
          <div class="notice" role="status">
            <p>{t('accounts.tokens.new')}</p>
            <pre id="new-token">{props.newToken}</pre>
          </div>
        )}
        <ul>
          {props.tokens.map((token) => (
            <li>
              {t('accounts.tokens.made', { name: token.name, date: date(token.created_at.slice(0, 10)) })}
              {token.revoked_at ? (
                ` ${t('accounts.tokens.revoked')}`
              ) : (
                <form method="post" action={at(`/account/tokens/${token.id}/revoke`)} class="inline">
                  <Csrf csrf={props.csrf} /> <button type="submit">{t('accounts.tokens.revoke')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action={at('/account/tokens')}>
          <Csrf csrf={props.csrf} />
          <label for="token-name">{t('accounts.tokens.name')}</label>{' '}
          <input id="token-name" name="name" required />{' '}
          <button type="submit">{t('accounts.tokens.make')}</button>
        </form>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('accounts.sessions.title')}</h2>
        <form method="post" action={at('/account/logout-everywhere')}>
          <Csrf csrf={props.csrf} />
          <button type="submit">{t('accounts.sessions.logOutEverywhere')}</button>{' '}
          {t('accounts.sessions.note')}
        </form>
      </section>
    </Layout>
  );
}

/** Users and their roles, for admins. */
export function UsersPage(props: { actor: Actor; csrf: string; users: UserRow[] }) {
  const { t } = useI18n();
  return (
    <Layout head={TRACKER_HEAD} title={t('accounts.users.title')}>
      <UserBar actor={props.actor} csrf={props.csrf} />
      <h1>{t('accounts.users.title')}</h1>
      <p>
        <Msg k="accounts.users.add" nodes={{ command: <code>entente users add</code> }} />
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('accounts.username')}</th>
            <th scope="col">{t('accounts.users.name')}</th>
            <th scope="col">{t('accounts.users.role')}</th>
            <th scope="col">{t('accounts.users.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td>{u.username}</td>
              <td>{u.display_name}</td>
              <td>
                <form method="post" action={at(`/admin/users/${u.username}/role`)} class="inline">
                  <Csrf csrf={props.csrf} />
                  <label class="visually-hidden" for={`role-${u.username}`}>
                    {t('accounts.users.roleOf', { username: u.username })}
                  </label>
                  <select id={`role-${u.username}`} name="role">
                    {Role.options.map((r) => (
                      <option value={r} selected={r === u.role}>
                        {roleName(t, r)}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit">{t('accounts.users.set')}</button>
                </form>
              </td>
              <td>
                {u.disabled ? (
                  t('accounts.users.disabled')
                ) : (
                  <form method="post" action={at(`/admin/users/${u.username}/disable`)} class="inline">
                    <Csrf csrf={props.csrf} /> <button type="submit">{t('accounts.users.disable')}</button>
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
