/**
 * The server's `summitLens/indexChanged` notification for every part of the client that follows
 * the index (the side bar, readers, pages, coverage pages). The language client keeps one handler
 * per notification method, a second registration replacing the first, so the handler is
 * registered once per client here and calls each listener.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INDEX_CHANGED_NOTIFICATION } from '../../../server/src/shared/protocol';

const listenersOf = new WeakMap<LanguageClient, Set<() => void>>();

/** Calls `listener` whenever the server says the index changed; works before the client starts. */
export function onIndexChanged(client: LanguageClient, listener: () => void): vscode.Disposable {
  let listeners = listenersOf.get(client);
  if (!listeners) {
    const registered = new Set<() => void>();
    listeners = registered;
    listenersOf.set(client, registered);
    client.onNotification(INDEX_CHANGED_NOTIFICATION, () => {
      for (const each of [...registered]) each();
    });
  }
  listeners.add(listener);
  return new vscode.Disposable(() => listeners.delete(listener));
}
