// The library's own questions and answers from the configuration (each entry is an intent faq.<id>).
import { FaqDialog } from '../../dialogs/faq/faqDialog';
import { FaqService } from '../../library/faq/faqService';
import type { Capability, CapabilityDeps } from './capability';

export function faqCapability(deps: CapabilityDeps): Capability {
  const { config } = deps.library;
  const faq = new FaqService(config.faq, config.branches);
  return {
    name: 'faq',
    routes: [{ intents: ['faq.*'], dialog: new FaqDialog(faq, deps.recognizer, deps.clock) }],
  };
}
