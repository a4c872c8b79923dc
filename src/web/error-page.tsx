import { at } from './base-path.ts';
import { useI18n } from './i18n.ts';
import { Layout } from './layout.tsx';

export function ErrorPage(props: { status: number; message: string }) {
  const { t } = useI18n();
  const key = ([400, 404, 409, 500] as const).find((s) => s === props.status);
  const title = key ? t(`error.${key}`) : t('error.other');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{props.message}</p>
      <p>
        <a href={at('/')}>{t('error.home')}</a>
      </p>
    </Layout>
  );
}
