// Staff recognised by membership of an Entra ID group, asked of Microsoft Graph with an app token
// (client credentials through @azure/msal-node). Any failure counts as "not staff": fail closed.
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';

export interface StaffGroupMembership {
  isMember(userObjectId: string): Promise<boolean>;
}

export interface AppTokenSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Replaced in tests by a client that reaches a local stand-in for Entra ID. */
  networkClient?: INetworkModule;
}

/** An app-only Graph token; msal-node caches it until shortly before it expires. */
export function graphAppToken(settings: AppTokenSettings): () => Promise<string> {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authority: `https://login.microsoftonline.com/${settings.tenantId}`,
    },
    system: settings.networkClient ? { networkClient: settings.networkClient } : undefined,
  });
  return async () => {
    const result = await app.acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    if (!result?.accessToken) throw new Error('Entra ID returned no access token');
    return result.accessToken;
  };
}

export interface GraphGroupSettings {
  groupId: string;
  getToken: () => Promise<string>;
  graphBaseUrl?: string;
  /** How long an answer is kept, so a busy thread does not ask Graph on every message. */
  cacheSeconds?: number;
  clock?: () => Date;
  onError?: (error: unknown) => void;
}

export class GraphGroupMembership implements StaffGroupMembership {
  private readonly cache = new Map<string, { member: boolean; until: number }>();
  private readonly clock: () => Date;

  constructor(private readonly settings: GraphGroupSettings) {
    this.clock = settings.clock ?? (() => new Date());
  }

  async isMember(userObjectId: string): Promise<boolean> {
    if (!/^[0-9a-fA-F-]{36}$/.test(userObjectId)) return false;
    const now = this.clock().getTime();
    const cached = this.cache.get(userObjectId);
    if (cached && cached.until > now) return cached.member;
    let member = false;
    try {
      const base = (this.settings.graphBaseUrl ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
      // checkMemberGroups includes nested (transitive) membership.
      const response = await fetch(
        `${base}/v1.0/users/${encodeURIComponent(userObjectId)}/checkMemberGroups`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${await this.settings.getToken()}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ groupIds: [this.settings.groupId] }),
          signal: AbortSignal.timeout(10000),
        },
      );
      if (response.ok) {
        const body = (await response.json()) as { value?: unknown };
        member = Array.isArray(body.value) && body.value.includes(this.settings.groupId);
      } else if (response.status !== 404) {
        throw new Error(`Microsoft Graph answered ${response.status}`);
      }
    } catch (error) {
      this.settings.onError?.(error);
      return false; // not cached: the next message asks again
    }
    this.cache.set(userObjectId, { member, until: now + (this.settings.cacheSeconds ?? 300) * 1000 });
    return member;
  }
}
