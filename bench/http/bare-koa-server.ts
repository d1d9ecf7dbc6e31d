// The baseline of bench:http: a bare Koa app served the same way as the API (node:http, same process model),
// answering a small JSON body like GET /api/me does, with no middleware, auth or storage.
import { createServer } from 'node:http';
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ctx.body = { success: true, status: 200, code: 'AUTH_006', message: 'ok', data: { userId: 1, email: 'a@b.c', name: 'bench', role: 'STUDENT' } };
});
const server = createServer(app.callback());
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
