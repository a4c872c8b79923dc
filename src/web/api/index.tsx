import { OpenAPIHono } from '@hono/zod-openapi';
import { type Db, problemsFromZod, ValidationError } from '../../core/index.ts';
import { at } from '../base-path.ts';
import { withExamples } from './examples.ts';
import { recordsApi } from './records.ts';
import { ReferencePage } from './reference.tsx';

export const API_INFO = {
  title: 'Entente API',
  version: '0.1.0',
  description:
    'The records of Entente as JSON: publications, tracked recommendations and commitments, milestones, parties. Errors are RFC 9457 problem documents.',
};

/** Modules that add their own API routes to the same document. */
export type ApiPlugin = (app: OpenAPIHono) => void;

/** The JSON API under /api, with its OpenAPI 3.1 document and a readable reference page. */
export function createApi(db: Db, plugins: ApiPlugin[] = [], publicUrl?: string) {
  const app = new OpenAPIHono({
    // Invalid parameters answer, through the app's error handler, with a problem naming each field.
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError(problemsFromZod(result.error.issues));
    },
  });
  recordsApi(db, app, publicUrl);
  for (const plugin of plugins) plugin(app);

  // Built at the first request, when every route is in, and once per server address: generating it
  // from the zod schemas took as long as rendering a page, at every render of the reference page.
  const build = (server: string) =>
    withExamples(app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO, servers: [{ url: server }] }));
  const documents = new Map<string, ReturnType<typeof build>>();
  const document = (server = at('/api')) => {
    let doc = documents.get(server);
    if (!doc) {
      doc = build(server);
      documents.set(server, doc);
    }
    return doc;
  };
  app.get('/openapi.json', (c) => c.json(document()));
  app.get('/', (c) => c.html(<ReferencePage doc={document()} />));
  return app;
}
