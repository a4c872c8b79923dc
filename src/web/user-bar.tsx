import type { Actor } from '../accounts/index.ts';
import { at } from './base-path.ts';
import { useI18n } from './i18n.ts';
import { Msg, roleName } from './words.tsx';

/** Who is signed in, with the way to the account page or to log in; every tracker page shows it. */
export function UserBar(props: { actor: Actor; csrf: string; back?: string }) {
  const { actor } = props;
  const { t } = useI18n();
  if (actor.id === null) {
    return (
      <p class="user-bar">
        <Msg
          k="accounts.bar.logIn"
          nodes={{
            login: (
              <a href={at(`/login${props.back ? `?next=${encodeURIComponent(at(props.back))}` : ''}`)}>
                {t('accounts.bar.logInLink')}
              </a>
            ),
          }}
        />
      </p>
    );
  }
  return (
    <form class="user-bar" method="post" action={at('/logout')}>
      <Msg
        k="accounts.bar.signedIn"
        vars={{ role: roleName(t, actor.role) }}
        nodes={{ name: <a href={at('/account')}>{actor.name}</a> }}
      />{' '}
      <input type="hidden" name="_csrf" value={props.csrf} />
      <button type="submit" class="link">
        {t('accounts.bar.logOut')}
      </button>
    </form>
  );
}
