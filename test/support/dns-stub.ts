// A DNS server on 127.0.0.1 (UDP) that answers every A query with 127.0.0.1, so nginx's resolver stays on loopback.
import { createSocket } from "node:dgram";

export interface DnsStub {
  port: number;
  /** Names asked for, in order (as nginx sent them). */
  queries: string[];
  close(): Promise<void>;
}

/** The question's name and where the question ends (after QTYPE and QCLASS), from a query (RFC 1035, 4.1). */
function readQuestion(msg: Buffer): { name: string; type: number; end: number } | undefined {
  const labels: string[] = [];
  let at = 12;
  while (at < msg.length && msg[at] !== 0) {
    const length = msg[at];
    labels.push(msg.subarray(at + 1, at + 1 + length).toString("latin1"));
    at += 1 + length;
  }
  if (at + 5 > msg.length) return undefined;
  return { name: labels.join("."), type: msg.readUInt16BE(at + 1), end: at + 5 };
}

/** The reply: the query's header and question, then for type A one answer 127.0.0.1 (TTL 5s), else no answer. */
function answer(query: Buffer): Buffer | undefined {
  const question = readQuestion(query);
  if (query.length < 12 || !question) return undefined;
  const isA = question.type === 1;
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  header.writeUInt16BE(0x8180, 2); // response, recursion desired and available, no error
  header.writeUInt16BE(1, 4); // one question
  header.writeUInt16BE(isA ? 1 : 0, 6);
  // Name: a pointer to the question's name at offset 12; type A, class IN, TTL 5, 4 bytes of address.
  const record = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 5, 0, 4, 127, 0, 0, 1]);
  return Buffer.concat([header, query.subarray(12, question.end), isA ? record : Buffer.alloc(0)]);
}

export function startDnsStub(): Promise<DnsStub> {
  const socket = createSocket("udp4");
  const queries: string[] = [];
  socket.on("message", (msg, from) => {
    const question = readQuestion(msg);
    if (question) queries.push(question.name);
    const reply = answer(msg);
    if (reply) socket.send(reply, from.port, from.address);
  });
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.bind({ address: "127.0.0.1", port: 0 }, () => {
      resolve({ port: socket.address().port, queries, close: () => new Promise<void>((done) => socket.close(() => done())) });
    });
  });
}
