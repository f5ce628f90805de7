// One SIP2 connection over TCP or TLS: one request in flight, replies matched by code, error
// detection (AY sequence + AZ checksum) when on, checked on every reply, 96/97 resend handling and
// a time limit per request. A connection that timed out or lost track is closed, never reused: a
// late reply would otherwise answer the next request.
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions as TlsOptions } from 'node:tls';
import { decodeText, encodeText, type Sip2Encoding } from './encoding';
import { checksum, parseMessage, Sip2FormatError, type ParseOptions, type Sip2Message } from './message';
import { logTraffic, type Sip2Logger } from './traffic';

export interface Sip2ConnectionOptions {
  host: string;
  port: number;
  tls: boolean;
  /** Extra TLS settings, e.g. the CA of an ILS with its own certificate authority. */
  tlsOptions?: TlsOptions;
  encoding: Sip2Encoding;
  errorDetection: boolean;
  /** Per request, and for connecting. */
  timeoutMs: number;
  parse?: ParseOptions;
  logger?: Sip2Logger;
  /** How many times to resend after a 96 or ask for a resend (97) after a bad reply (default 2). */
  resends?: number;
}

export type Sip2TransportFailure = 'timeout' | 'refused' | 'closed' | 'bad-reply';

/** The connection failed; `code` is the socket error code (ECONNREFUSED, ENOTFOUND, ...) if any. */
export class Sip2TransportError extends Error {
  constructor(
    readonly failure: Sip2TransportFailure,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'Sip2TransportError';
  }
}

interface Pending {
  request: Buffer;
  requestCode: string;
  sequence?: number;
  resendsLeft: number;
  resolve: (message: Sip2Message) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class Sip2Connection {
  private buffer = Buffer.alloc(0);
  private pending: Pending | undefined;
  private sequence = 0;
  private isClosed = false;
  private readonly closeListeners: (() => void)[] = [];

  private constructor(
    private readonly socket: Socket,
    private readonly options: Sip2ConnectionOptions,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      this.fail(
        new Sip2TransportError(
          'closed',
          `SIP2 connection error (${error.code ?? error.message})`,
          error.code,
        ),
      ),
    );
    socket.on('close', () =>
      this.fail(new Sip2TransportError('closed', 'the SIP2 server closed the connection')),
    );
  }

  /** Connects (TLS when configured) within the time limit. */
  static open(options: Sip2ConnectionOptions): Promise<Sip2Connection> {
    return new Promise((resolve, reject) => {
      const where = `${options.host}:${options.port}`;
      const socket = options.tls
        ? connectTls({
            host: options.host,
            port: options.port,
            // SNI carries host names only (RFC 6066), never an address.
            ...(isIP(options.host) ? {} : { servername: options.host }),
            ...options.tlsOptions,
          })
        : connectTcp({ host: options.host, port: options.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Sip2TransportError('timeout', `no answer from ${where} within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      const onError = (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(
          new Sip2TransportError(
            'refused',
            `cannot connect to ${where} (${error.code ?? error.message})`,
            error.code,
          ),
        );
      };
      socket.once('error', onError);
      socket.once(options.tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 60_000);
        resolve(new Sip2Connection(socket, options));
      });
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  onClose(listener: () => void): void {
    if (this.isClosed) listener();
    else this.closeListeners.push(listener);
  }

  /**
   * Sends one request (the message without AY/AZ and CR) and resolves with the reply whose code is
   * the request's plus one. Rejects with Sip2TransportError; the connection is then closed.
   */
  send(text: string): Promise<Sip2Message> {
    if (this.isClosed)
      return Promise.reject(new Sip2TransportError('closed', 'the SIP2 connection is closed'));
    if (this.pending) return Promise.reject(new Error('one SIP2 request at a time per connection'));
    let line = text;
    let sequence: number | undefined;
    if (this.options.errorDetection) {
      sequence = this.sequence;
      this.sequence = (this.sequence + 1) % 10;
      line += `AY${sequence}AZ`;
      line += checksum(encodeText(line, this.options.encoding));
    }
    const request = encodeText(`${line}\r`, this.options.encoding);
    return new Promise((resolve, reject) => {
      this.pending = {
        request,
        requestCode: text.slice(0, 2),
        sequence,
        resendsLeft: this.options.resends ?? 2,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.fail(new Sip2TransportError('timeout', `no SIP2 reply within ${this.options.timeoutMs} ms`));
        }, this.options.timeoutMs),
      };
      this.write(request, line);
    });
  }

  close(): void {
    this.fail(new Sip2TransportError('closed', 'the SIP2 connection was closed'));
  }

  private write(bytes: Buffer, text: string): void {
    logTraffic(this.options.logger, 'sent', text);
    this.socket.write(bytes);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    let end = this.buffer.indexOf(0x0d);
    while (end >= 0) {
      let line = this.buffer.subarray(0, end);
      this.buffer = this.buffer.subarray(end + 1);
      while (line.length > 0 && line[0] === 0x0a) line = line.subarray(1);
      if (line.length > 0) this.handleLine(line);
      end = this.buffer.indexOf(0x0d);
    }
    // A server that never sends CR must not grow this without bound.
    if (this.buffer.length > 64 * 1024)
      this.fail(new Sip2TransportError('bad-reply', 'a SIP2 reply without an end'));
  }

  private handleLine(bytes: Buffer): void {
    const text = decodeText(bytes, this.options.encoding);
    logTraffic(this.options.logger, 'received', text);
    const pending = this.pending;
    if (!pending) return; // Nothing asked: a stray line from the server is ignored.
    if (text.startsWith('96')) {
      // The server could not read our request: send it again.
      if (pending.resendsLeft-- <= 0) {
        this.fail(new Sip2TransportError('bad-reply', 'the SIP2 server kept asking for a resend (96)'));
        return;
      }
      this.write(pending.request, decodeText(pending.request, this.options.encoding).replace(/\r$/, ''));
      return;
    }
    const reply = this.check(bytes, text, pending);
    if (typeof reply === 'string') {
      // A reply we cannot trust: ask the server to send it again (97), a few times.
      if (pending.resendsLeft-- <= 0) {
        this.fail(new Sip2TransportError('bad-reply', `unusable SIP2 reply (${reply})`));
        return;
      }
      const resend = this.options.errorDetection
        ? `97AZ${checksum(encodeText('97AZ', this.options.encoding))}`
        : '97';
      this.write(encodeText(`${resend}\r`, this.options.encoding), resend);
      return;
    }
    clearTimeout(pending.timer);
    this.pending = undefined;
    pending.resolve(reply);
  }

  /** The parsed reply, or why it cannot be used. */
  private check(bytes: Buffer, text: string, pending: Pending): Sip2Message | string {
    let reply: Sip2Message;
    try {
      reply = parseMessage(text, this.options.parse);
    } catch (error) {
      return error instanceof Sip2FormatError ? error.message : 'unreadable';
    }
    // Replies are the request's code plus one, except SC status (99), answered by ACS status (98).
    const expected =
      pending.requestCode === '99' ? '98' : String(Number(pending.requestCode) + 1).padStart(2, '0');
    if (reply.code !== expected) return `reply ${reply.code} to request ${pending.requestCode}`;
    if (pending.sequence !== undefined && reply.checksum !== undefined) {
      const at = bytes.lastIndexOf('AZ');
      if (at < 0 || checksum(bytes.subarray(0, at + 2)) !== reply.checksum) return 'bad checksum';
      if (reply.sequence !== undefined && reply.sequence !== pending.sequence) return 'wrong sequence number';
    }
    return reply;
  }

  private fail(error: Sip2TransportError): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    if (!this.isClosed) {
      this.isClosed = true;
      this.socket.destroy();
      for (const listener of this.closeListeners.splice(0)) listener();
    }
  }
}
