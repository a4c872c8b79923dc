import { Layout } from '../layout.tsx';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  409: 'Conflict',
  500: 'Server error',
};

export function ErrorPage(props: { status: number; message: string }) {
  const title = TITLES[props.status] ?? 'Error';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">Go to the overview</a>
      </p>
    </Layout>
  );
}
