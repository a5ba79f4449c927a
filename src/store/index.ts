export { ShareLinkError, decodeShare, encodeShare, readShare, shareUrl, type ShareBase } from './share-link.ts';
export { contentHash, sha256Hex } from './content-hash.ts';
export { localKey, repoKey, type SavedNotebook } from './saved-notebook.ts';
export { LASTING_PROBLEMS, storageMessage, storageProblem, type StorageProblem } from './storage-error.ts';
export { memoryDb, openIndexedDb, type NotebookDb } from './notebook-db.ts';
export { createAutosaver, type Autosaver } from './autosave.ts';
export { clearJournal, savedOrJournal, writeJournal } from './unload-journal.ts';
export { MAX_NOTEBOOK_BYTES, downloadText, notebookFileName, readNotebookFile } from './files.ts';
export { openSaveChannel, type SaveChannel } from './save-channel.ts';
