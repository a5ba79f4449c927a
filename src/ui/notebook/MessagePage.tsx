import { routeHash } from '../app/route.ts';

/** A full-page message (not found, unreadable link) with a way back to the index. */
export function MessagePage(props: { title: string; message: string }) {
  return (
    <main class="message-page" role="main">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a class="button" href={routeHash({ page: 'index' })}>
          ← All notebooks
        </a>
      </p>
    </main>
  );
}
