/** Serves the readable catalogue documents (`summit-lens:/meetings/<id>.md`) that definitions point to. */
import { VIRTUAL_DOCUMENT_REQUEST, type VirtualDocumentParams } from '../shared/protocol';
import type { Feature } from './feature';

export const virtualDocuments: Feature = {
  capabilities: {},
  register({ connection, lens }) {
    connection.onRequest(VIRTUAL_DOCUMENT_REQUEST, (params: VirtualDocumentParams) => (typeof params?.uri === 'string' ? (lens.virtualDocument(params.uri) ?? null) : null));
  },
};
