import net from 'node:net';

/** One message as the sink received it, with the headers and the single text part decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  headers: Record<string, string>;
  subject: string;
  text: string;
}

export interface SmtpSink {
  port: number;
  /** for SMTP_URL; the sink offers no STARTTLS, so nodemailer talks plain SMTP */
  url: string;
  messages: ReceivedMail[];
  /** answer the next n MAIL FROM commands with a temporary failure (451) */
  rejectNext(n: number): void;
  /** resolves when at least n messages have arrived */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function decodeWordBytes(charsetEncoding: string, text: string): Buffer {
  if (charsetEncoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=); adjacent words join without the space between. */
export function decodeHeader(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let out = '';
  let last = 0;
  let pending: Buffer[] = [];
  const flush = () => {
    if (pending.length) out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (let m = word.exec(value); m; m = word.exec(value)) {
    const between = value.slice(last, m.index);
    if (!(pending.length && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    pending.push(decodeWordBytes(m[2], m[3]));
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const soft = body.replace(/=\r?\n/g, '');
      return decodeWordBytes('Q', soft.replace(/_/g, '=5F')).toString('utf8');
    }
    default:
      return body;
  }
}

export function parseMessage(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return {
    ...envelope,
    raw,
    headers,
    subject: decodeHeader(headers.subject ?? ''),
    text: decodeBody(body, headers['content-transfer-encoding']).replace(/\r\n/g, '\n'),
  };
}

/**
 * A minimal SMTP server on 127.0.0.1 for tests: greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT — enough for nodemailer — and it keeps every message it receives.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const sockets = new Set<net.Socket>();
  let rejects = 0;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let dataLines: string[] = [];
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 127.0.0.1 smtp-sink ready');

    const command = (line: string) => {
      const verb = line.slice(0, 4).toUpperCase();
      const arg = line.slice(4).trim();
      const address = () => /<([^>]*)>/.exec(arg)?.[1] ?? arg.replace(/^(FROM|TO):/i, '').trim();
      switch (verb) {
        case 'EHLO':
          reply('250-127.0.0.1 greets you');
          reply('250 8BITMIME');
          return;
        case 'HELO':
          return reply('250 127.0.0.1');
        case 'MAIL':
          if (rejects > 0) {
            rejects--;
            return reply('451 4.3.0 temporary failure, try again later');
          }
          envelope = { from: address(), to: [] };
          return reply('250 OK');
        case 'RCPT':
          envelope.to.push(address());
          return reply('250 OK');
        case 'DATA':
          inData = true;
          dataLines = [];
          return reply('354 end data with <CR><LF>.<CR><LF>');
        case 'RSET':
          envelope = { from: '', to: [] };
          return reply('250 OK');
        case 'NOOP':
          return reply('250 OK');
        case 'QUIT':
          reply('221 bye');
          socket.end();
          return;
        default:
          return reply('502 command not implemented');
      }
    };

    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (!inData) {
          command(line);
          continue;
        }
        if (line === '.') {
          inData = false;
          messages.push(parseMessage(dataLines.join('\r\n'), envelope));
          reply('250 OK queued');
          for (const w of waiters.filter((x) => messages.length >= x.n)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
          continue;
        }
        // dot-stuffing: a leading '.' of a data line was doubled by the client
        dataLines.push(line.startsWith('..') ? line.slice(1) : line);
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    rejectNext(n) {
      rejects = n;
    },
    waitFor(n, timeoutMs = 5000) {
      if (messages.length >= n) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`smtp-sink: ${messages.length} of ${n} messages after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
