// The channel clients a turn replies through, made once and reused. botbuilder's CloudAdapter asks its
// authentication for a new ConnectorClient (an HTTP pipeline, credentials, a serializer) and a new
// UserTokenClient on every turn: a tenth of a turn's CPU and most of its garbage, for clients that hold
// no per-turn state. The older BotFrameworkAdapter kept one per service URL, as this does. Validation
// of the incoming request is left exactly as it is: only what is built after it is reused.
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  ConnectorFactory,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/**
 * Enough for every channel's service URL; in local mode an activity can name any URL, so the cache is
 * bounded and the oldest entry goes first.
 */
const MOST_CLIENTS = 32;

/** A map that forgets its oldest entry beyond `limit`, for clients keyed by what a caller sends. */
class BoundedCache<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly limit: number) {}

  get(key: string, make: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const made = make();
    this.entries.set(key, made);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** The bot's app id a turn acts as (empty in local mode, where nothing is signed). */
function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: BoundedCache<Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}|${audience ?? ''}|${serviceUrl}`;
    const client = this.clients.get(key, () => this.inner.create(serviceUrl, audience));
    // A client that could not be made (credentials unreadable) is tried again next time.
    client.catch(() => this.clients.delete(key));
    return client;
  }
}

export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectorClients = new BoundedCache<Promise<ConnectorClient>>(MOST_CLIENTS);
  private readonly userTokenClients = new BoundedCache<Promise<UserTokenClient>>(MOST_CLIENTS);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return result.connectorFactory
      ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) }
      : result;
  }

  authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    const client = this.userTokenClients.get(key, () => this.inner.createUserTokenClient(claimsIdentity));
    client.catch(() => this.userTokenClients.delete(key));
    return client;
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(inner: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(inner, appIdOf(identity), this.connectorClients);
  }
}
