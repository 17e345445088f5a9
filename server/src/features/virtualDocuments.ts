/** Serves the readable catalogue documents (`summit-lens:/meetings/<id>.md`) that definitions point to. */
import type { ServerContext } from '../serverContext';

export const VIRTUAL_DOCUMENT_REQUEST = 'summitLens/virtualDocument';

export function registerVirtualDocuments({ connection, service }: ServerContext): void {
  connection.onRequest(VIRTUAL_DOCUMENT_REQUEST, ({ uri }: { uri: string }) => service.virtualDocument(uri) ?? null);
}
