// The LibrarySystem contract suite against the SIP2 connector talking to the SIP2 server double over
// real TCP (and an SRU double over HTTP for the catalog): as Koha (holds placed, cancelled and moved), as Evergreen (holds only cancelled, every
// hold listed in AS) and as FOLIO edge-sip2 (no hold or renew messages, learnt from its 98 reply).
import { librarySystemContract } from '../librarySystem/librarySystemContract';
import { openSip2World } from './sip2World';

librarySystemContract('SIP2 connector (Koha-like server, no catalog)', () => openSip2World());

librarySystemContract('SIP2 connector with SRU catalog search (Koha-like server)', () =>
  openSip2World({ catalog: true }),
);

librarySystemContract('SIP2 connector (Evergreen-like server)', () =>
  openSip2World({ double: { vendor: 'evergreen' }, connector: { vendor: 'evergreen' } }),
);

librarySystemContract('SIP2 connector (FOLIO edge-sip2-like server)', () =>
  openSip2World({ double: { vendor: 'folio' }, connector: { vendor: 'other' } }),
);
