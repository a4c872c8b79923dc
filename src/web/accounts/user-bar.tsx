import type { Actor } from '../../accounts/index.ts';

/** Who is signed in, with the way to the account page or to log in; every tracker page shows it. */
export function UserBar(props: { actor: Actor; csrf: string; back?: string }) {
  const { actor } = props;
  if (actor.id === null) {
    return (
      <p class="user-bar">
        <a href={`/login${props.back ? `?next=${encodeURIComponent(props.back)}` : ''}`}>Log in</a> to draft
        or review assessments.
      </p>
    );
  }
  return (
    <form class="user-bar" method="post" action="/logout">
      Signed in as <a href="/account">{actor.name}</a> ({actor.role}).{' '}
      <input type="hidden" name="_csrf" value={props.csrf} />
      <button type="submit" class="link">
        Log out
      </button>
    </form>
  );
}
