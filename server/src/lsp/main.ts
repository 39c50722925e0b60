import { startServer } from './server';

// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc, as the VS Code client starts it).
startServer();
