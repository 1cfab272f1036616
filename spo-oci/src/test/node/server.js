// A loopback-only Sigstore for interop tests: @sigstore/mock's Fulcio and Rekor v1 handlers on one
// node:http server on 127.0.0.1 (ephemeral port), plus the glue fixes of
// shared/reference/sigstore-interop.md §3 that cross-implementation use needs.
// Usage: node server.js <outDir> [--grpc <protoDir> <tlsKey.pem> <tlsCert.pem>]
//   writes <outDir>/trusted_root.json and <outDir>/endpoints.json ({url[, grpcUrl]}).
//   --grpc also serves Fulcio as gRPC over TLS (sigstore-java 2.0.0's only Fulcio transport), from
//   the fulcio.proto that the sigstore-java jar ships (extracted into protoDir by the test).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const {
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  fulcioHandler,
  rekorHandler,
  tsaHandler,
} = require('@sigstore/mock');
const { TrustedRoot, HashAlgorithm, PublicKeyDetails } = require('@sigstore/protobuf-specs');

const keyPair = () => crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const spki = (kp) => kp.publicKey.export({ type: 'spki', format: 'der' });
const sha256 = (data) => crypto.createHash('sha256').update(data).digest();

// Glue fix 2: real Fulcio wraps PEM at 64 columns; the mock writes one line, which sigstore-java
// (byte-exact hashedrekord comparison) rejects.
function rewrapPem(pem) {
  const m = /-----BEGIN ([A-Z ]+)-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END \1-----/.exec(pem);
  if (!m) return pem;
  const b64 = m[2].replace(/\s+/g, '');
  return `-----BEGIN ${m[1]}-----\n${b64.match(/.{1,64}/g).join('\n')}\n-----END ${m[1]}-----\n`;
}

// Glue fix 3: real Rekor stores a dsse entry as {envelopeHash, payloadHash, signatures[{signature,
// verifier}]}; the mock stores the proposed content verbatim, which verifiers cannot check.
function canonicalDsse(body) {
  const entry = JSON.parse(body);
  if (entry.kind !== 'dsse' || !entry.spec || !entry.spec.proposedContent) return body;
  const { envelope, verifiers } = entry.spec.proposedContent;
  const env = JSON.parse(envelope);
  return JSON.stringify({
    apiVersion: entry.apiVersion,
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(envelope).toString('hex') },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(env.payload, 'base64')).toString('hex') },
      signatures: env.signatures.map((s, i) => ({ signature: s.sig, verifier: verifiers[i] })),
    },
  });
}

// The gRPC face of the same mock Fulcio: request → the REST JSON body → the handler → response.
function startGrpcFulcio(fulcioFn, protoDir, keyFile, certFile) {
  const grpc = require('@grpc/grpc-js');
  const loader = require('@grpc/proto-loader');
  const def = loader.loadSync(path.join(protoDir, 'fulcio.proto'), {
    includeDirs: [protoDir, path.join(__dirname, 'node_modules', 'protobufjs')],
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const ca = grpc.loadPackageDefinition(def).dev.sigstore.fulcio.v2.CA;
  const server = new grpc.Server();
  server.addService(ca.service, {
    createSigningCertificate: async (call, callback) => {
      try {
        const r = call.request;
        const body = JSON.stringify({
          credentials: { oidcIdentityToken: r.credentials.oidcIdentityToken },
          publicKeyRequest: {
            publicKey: { algorithm: r.publicKeyRequest.publicKey.algorithm, content: r.publicKeyRequest.publicKey.content },
            proofOfPossession: Buffer.from(r.publicKeyRequest.proofOfPossession || []).toString('base64'),
          },
        });
        const res = await fulcioFn(body);
        if (res.statusCode !== 201) {
          callback({ code: grpc.status.INVALID_ARGUMENT, details: String(res.response) });
          return;
        }
        callback(null, JSON.parse(res.response));
      } catch (e) {
        callback({ code: grpc.status.INTERNAL, details: String(e) });
      }
    },
    getTrustBundle: (call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: 'not in the mock' }),
  });
  const creds = grpc.ServerCredentials.createSsl(null, [{ private_key: fs.readFileSync(keyFile), cert_chain: fs.readFileSync(certFile) }], false);
  return new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', creds, (err, port) => (err ? reject(err) : resolve(`https://127.0.0.1:${port}`))),
  );
}

async function main(outDir, args) {
  const start = new Date(Date.now() - 60_000);
  const ctKey = keyPair();
  const tlogKey = keyPair();
  const ctlog = await initializeCTLog(ctKey);
  const ca = await initializeCA(keyPair(), ctlog);
  // Port-free URL: the checkpoint signer name is URL.host, and sigstore-java compares it with the
  // trusted root's tlog host (no port) while sigstore-js checks baseUrl.includes(name).
  const tlog = await initializeTLog('http://127.0.0.1', tlogKey);
  const tsa = await initializeTSA(keyPair());
  const timestamps = tsaHandler(tsa, { strict: true });
  const fulcio = fulcioHandler(ca, { strict: true });
  const rekor = rekorHandler(tlog, { strict: true });
  const fulcioFn = async (body) => {
    const r = await fulcio.fn(body);
    if (r.statusCode !== 201) return r;
    const doc = JSON.parse(r.response);
    const chain = doc.signedCertificateEmbeddedSct.chain;
    chain.certificates = chain.certificates.map(rewrapPem);
    return { ...r, response: JSON.stringify(doc) };
  };
  const grpcUrl = args[0] === '--grpc' ? await startGrpcFulcio(fulcioFn, args[1], args[2], args[3]) : undefined;

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const body = Buffer.concat(chunks).toString('utf8');
        if (req.method === 'POST' && req.url === fulcio.path) {
          const r = await fulcioFn(body);
          res.writeHead(r.statusCode, { 'Content-Type': r.contentType || 'text/plain' });
          res.end(r.response);
        } else if (req.method === 'POST' && req.url === timestamps.path) {
          // sigstore-js's JSON timestamp request (sigstore-java's DER requests are not supported by the mock).
          const r = await timestamps.fn(body);
          res.writeHead(r.statusCode, { 'Content-Type': r.contentType || 'text/plain' });
          res.end(Buffer.from(r.response.buffer ? Buffer.from(r.response.buffer, r.response.byteOffset, r.response.byteLength) : r.response));
        } else if (req.method === 'POST' && req.url === rekor.path) {
          const r = await rekor.fn(canonicalDsse(body));
          const headers = { 'Content-Type': r.contentType || 'text/plain' };
          if (r.statusCode === 201) {
            // Glue fix 1: real Rekor answers with a Location header (sigstore-java dereferences it).
            headers.Location = `${rekor.path}/${Object.keys(JSON.parse(r.response))[0]}`;
          }
          res.writeHead(r.statusCode, headers);
          res.end(r.response);
        } else {
          res.writeHead(404);
          res.end('not found');
        }
      } catch (e) {
        res.writeHead(500);
        res.end(String(e && e.stack ? e.stack : e));
      }
    });
  });

  server.listen(0, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${server.address().port}`;
    const root = TrustedRoot.toJSON({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [
        {
          baseUrl: url,
          hashAlgorithm: HashAlgorithm.SHA2_256,
          publicKey: { rawBytes: spki(tlogKey), keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start } },
          logId: { keyId: sha256(spki(tlogKey)) },
        },
      ],
      certificateAuthorities: [
        {
          subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
          uri: 'https://fulcio.mock.test',
          certChain: { certificates: [{ rawBytes: Buffer.from(ca.rootCertificate) }] },
          validFor: { start },
        },
      ],
      ctlogs: [
        {
          baseUrl: 'https://ctfe.mock.test',
          hashAlgorithm: HashAlgorithm.SHA2_256,
          publicKey: { rawBytes: spki(ctKey), keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start } },
          logId: { keyId: Buffer.from(ctlog.logID) },
        },
      ],
      timestampAuthorities: [
        {
          subject: { organization: 'sigstore.mock', commonName: 'tsa' },
          uri: 'https://tsa.mock.test',
          certChain: { certificates: [{ rawBytes: Buffer.from(tsa.intCertificate) }, { rawBytes: Buffer.from(tsa.rootCertificate) }] },
          validFor: { start },
        },
      ],
    });
    fs.writeFileSync(path.join(outDir, 'trusted_root.json'), JSON.stringify(root, null, 2));
    // Written last and atomically: the test polls for it.
    const tmp = path.join(outDir, 'endpoints.json.tmp');
    fs.writeFileSync(tmp, JSON.stringify({ url, grpcUrl }));
    fs.renameSync(tmp, path.join(outDir, 'endpoints.json'));
  });
}

main(process.argv[2], process.argv.slice(3)).catch((e) => {
  console.error(e);
  process.exit(1);
});
