// Entry point of the language server: `policy-lsp --stdio` for any LSP client, IPC for VS Code
// (vscode-languageserver picks the transport from argv).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
