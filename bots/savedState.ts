// Conversation and user state as botbuilder keeps them, with a cheaper way to tell whether a turn
// changed them. botbuilder hashes the state (its own stringify, whose replacer runs on every key,
// then SHA-256) at load, at save and again after the write: about 7% of a turn. This bot's state is
// plain JSON (storage writes it with JSON.stringify), so its JSON text is the fingerprint: made at
// load, compared at save, and kept after the write rather than made again. With SQLite it is not
// even made twice: the text read is the load's fingerprint and the save's is the text written
// (storage/storedJson.ts).
import {
  type BotState,
  ConversationState,
  type Storage,
  type StoreItem,
  type TurnContext,
  UserState,
} from 'botbuilder';
import { jsonWithoutETag, readJson, writeJson } from '../storage/storedJson';

type StorageKeyOf = (context: TurnContext) => string | Promise<string>;

interface Cached {
  state: StoreItem;
  /** The state's JSON without its eTag as last read or written; '' forces the next save. */
  json: string;
}

/** BotState's load / save / clear / delete / get, on its own turn-state key, with JSON fingerprints. */
class JsonChangeCheck {
  private readonly key = Symbol('savedState');

  constructor(
    private readonly storage: Storage,
    private readonly storageKey: StorageKeyOf,
  ) {}

  async load(context: TurnContext, force: boolean): Promise<StoreItem> {
    const cached = context.turnState.get(this.key) as Cached | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state: StoreItem = items[key] ?? {};
    context.turnState.set(this.key, {
      state,
      json: readJson.take(state) ?? jsonWithoutETag(state),
    } satisfies Cached);
    return state;
  }

  /** Written when changed since read (or when forced), always with eTag '*', as botbuilder does. */
  async save(context: TurnContext, force: boolean): Promise<void> {
    const key = await this.storageKey(context);
    // From here to the write nothing awaits, so the text compared is the text written.
    let cached = context.turnState.get(this.key) as Cached | undefined;
    const json = cached ? jsonWithoutETag(cached.state) : '';
    if (!force && (!cached || cached.json === json)) return;
    cached ??= { state: {}, json: '' };
    cached.state.eTag = '*';
    if (json) writeJson.give(cached.state, json);
    await this.storage.write({ [key]: cached.state });
    cached.json = json || jsonWithoutETag(cached.state);
    context.turnState.set(this.key, cached);
  }

  clear(context: TurnContext): void {
    context.turnState.set(this.key, { state: {}, json: '' } satisfies Cached);
  }

  async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.key);
    await this.storage.delete([await this.storageKey(context)]);
  }

  get(context: TurnContext): StoreItem | undefined {
    const cached = context.turnState.get(this.key) as Cached | undefined;
    return typeof cached?.state === 'object' ? cached.state : undefined;
  }
}

// TypeScript accepts a mixin only over a constructor taking `...args: any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StateClass = new (...args: any[]) => BotState;

/** A botbuilder state class (conversation or user) with the JSON change check in place of its hashing. */
function withJsonChangeCheck<Base extends StateClass>(base: Base) {
  return class extends base {
    readonly #changes = new JsonChangeCheck((this as unknown as { storage: Storage }).storage, (context) =>
      this.storageKey(context),
    );

    override load(context: TurnContext, force = false): Promise<StoreItem> {
      return this.#changes.load(context, force);
    }

    override saveChanges(context: TurnContext, force = false): Promise<void> {
      return this.#changes.save(context, force);
    }

    override clear(context: TurnContext): Promise<void> {
      this.#changes.clear(context);
      return Promise.resolve();
    }

    override delete(context: TurnContext): Promise<void> {
      return this.#changes.delete(context);
    }

    override get(context: TurnContext): StoreItem | undefined {
      return this.#changes.get(context);
    }
  };
}

export const LibraryConversationState = withJsonChangeCheck(ConversationState);
export const LibraryUserState = withJsonChangeCheck(UserState);
