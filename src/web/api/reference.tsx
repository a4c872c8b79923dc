import { at } from '../base-path.ts';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { type Operation as ExampleOperation, examplePath, successResponse } from './examples.ts';

interface Operation extends ExampleOperation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: { type?: string; enum?: string[] };
  }[];
}
interface Doc {
  info: { title: string; description?: string; version: string };
  paths?: object;
}

const show = (example: unknown) => (typeof example === 'string' ? example : JSON.stringify(example, null, 2));

/** An operation's example request and response, from the document's examples, folded away. */
function Example({ path, method, op }: { path: string; method: string; op: Operation }) {
  const { t } = useI18n();
  const body = Object.entries(op.requestBody?.content ?? {})[0];
  const request = [
    `${method.toUpperCase()} /api${examplePath(path, op)}`,
    ...(op.security?.length ? ['Authorization: Bearer <token>'] : []),
    ...(body ? [`Content-Type: ${body[0]}`, '', show(body[1].example)] : []),
  ].join('\n');
  const success = successResponse(op);
  const media = Object.entries(success?.response.content ?? {})[0];
  return (
    <details class="example">
      <summary>{t('api.example')}</summary>
      <p>{t('api.exampleRequest')}</p>
      <pre>
        <code>{request}</code>
      </pre>
      {success && (
        <>
          <p>
            {t('api.exampleResponse', { status: success.status })}
            {media && (
              <>
                {' '}
                (<code>{media[0]}</code>)
              </>
            )}
          </p>
          {media?.[1].example !== undefined && (
            <pre>
              <code>{show(media[1].example)}</code>
            </pre>
          )}
        </>
      )}
    </details>
  );
}

/** The API reference, rendered on the server from the OpenAPI document: no script needed. */
export function ReferencePage({ doc }: { doc: Doc }) {
  const { t } = useI18n();
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation> | undefined>;
  const ops = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods ?? {}).map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(ops.flatMap((o) => o.op.tags ?? ['Other']))];
  return (
    <Layout title={t('api.title')} section="api">
      <h1>{doc.info.title}</h1>
      <p class="lead">{doc.info.description}</p>
      <p>
        {t('api.version', { version: doc.info.version })} {t('api.machine')}{' '}
        <a href={at('/api/openapi.json')}>{t('api.document')}</a>. {t('api.under', { prefix: at('/api') })}
      </p>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{tag}</h2>
          {ops
            .filter((o) => (o.op.tags ?? ['Other']).includes(tag))
            .map(({ path, method, op }) => (
              <article class="operation" aria-label={`${method.toUpperCase()} ${path}`}>
                <h3>
                  <code>
                    {method.toUpperCase()} /api{path}
                  </code>
                </h3>
                {op.summary && <p>{op.summary}</p>}
                {op.parameters && op.parameters.length > 0 && (
                  <table>
                    <caption>{t('api.parameters')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('api.col.name')}</th>
                        <th scope="col">{t('api.col.in')}</th>
                        <th scope="col">{t('api.col.type')}</th>
                        <th scope="col">{t('api.col.description')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr>
                          <td>
                            <code>{p.name}</code>
                            {p.required && ` ${t('api.required')}`}
                          </td>
                          <td>{p.in}</td>
                          <td>{p.schema?.enum ? p.schema.enum.join(' | ') : (p.schema?.type ?? '')}</td>
                          <td>{p.description ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <p class="responses">
                  {t('api.responses')}{' '}
                  {Object.entries(op.responses ?? {})
                    .map(([code, r]) => `${code} ${r.description ?? ''}`)
                    .join('; ')}
                </p>
                <Example path={path} method={method} op={op} />
              </article>
            ))}
        </section>
      ))}
    </Layout>
  );
}
