/** The messages module's public surface (ADR 0017): what other modules and app.ts may use. */
export { registerMessageRoutes } from './messages.routes.ts';
export { writeEventMessages, writeMessage, type NewEventMessage, type NewMessage } from './message-writer.ts';
