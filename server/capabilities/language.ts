// Languages (issue 15): every patron message is answered in the language it is written in, from the
// message catalogs the library speaks. Listed right after holds (whose PIN gate must come first).
import { LanguageHook } from '../../bots/languageHook';
import { CATALOGS } from '../../library/language/catalog';
import type { Capability, CapabilityDeps } from './capability';

export function languageCapability(deps: CapabilityDeps): Capability {
  return {
    name: 'language',
    patronHooks: [new LanguageHook(deps.conversationState, Object.values(CATALOGS))],
  };
}
