export { ShareLinkError, decodeShare, encodeShare, shareUrl } from './share-link.ts';
export { contentHash } from './content-hash.ts';
export { localKey, repoKey, type SavedNotebook } from './saved-notebook.ts';
export { LASTING_PROBLEMS, storageMessage, storageProblem, type StorageProblem } from './storage-error.ts';
export { memoryDb, openIndexedDb, type NotebookDb } from './notebook-db.ts';
export { createAutosaver, type Autosaver } from './autosave.ts';
export { clearJournal, savedOrJournal, writeJournal } from './unload-journal.ts';
export { downloadText, notebookFileName, readNotebookFile } from './files.ts';
export { openSaveChannel, type SaveChannel } from './save-channel.ts';
