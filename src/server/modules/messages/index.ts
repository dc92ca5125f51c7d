/** The messages module's public surface (ADR 0017): what other modules and app.ts may use. */
export { registerMessageRoutes } from './messages.routes.ts';
export { writeMessage, type NewMessage } from './message-writer.ts';
