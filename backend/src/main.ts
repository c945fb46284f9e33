import { buildApp } from './app';
import { loadConfigOrExit } from './config';

const config = loadConfigOrExit();

const app = await buildApp(config);
const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`Shortlist is up at ${config.appUrl} (API docs at ${config.appUrl}/docs)`);
