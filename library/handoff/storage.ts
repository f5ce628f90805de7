// The slice of a key-value store the handoff needs: the shared documents of library/storage, under
// the name the handoff's modules use. The bot's own Storage (SQLite or Azure Blobs) is passed in as is.
export {
  ConcurrentUpdateError,
  isETagConflict,
  readMany,
  readOne,
  updateDocument,
  createDocument,
  type DocumentStorage as HandoffStorage,
  type StoredDocument,
  type Versioned,
} from '../storage/optimistic';
