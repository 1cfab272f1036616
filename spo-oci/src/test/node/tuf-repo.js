// Writes a signed TUF repository (spec 1.0) for spo-oci's TUF tests, with @tufjs/models as an
// implementation independent of sigstore-java's TUF client: one ed25519 key per top-level role,
// canonical JSON signatures, consistent snapshots (versioned metadata, hash-prefixed targets).
//
//   node tuf-repo.js <outDir> <timestampExpires ISO-8601> <targetName=file>...
//
// <outDir>/1.root.json (also root.json) is the initial root a client must trust out of band.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { canonicalize } = require('@tufjs/canonical-json');
const { Key, Metadata, MetaFile, Root, Signature, Snapshot, TargetFile, Targets, Timestamp } = require('@tufjs/models');

const [outDir, timestampExpires, ...targetArgs] = process.argv.slice(2);
if (!outDir || !timestampExpires || targetArgs.length === 0) {
  console.error('usage: node tuf-repo.js <outDir> <timestampExpires> <targetName=file>...');
  process.exit(2);
}
const SPEC = '1.0.31';
const inAYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

function newKey() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  // TUF's ed25519 keyval is the raw 32-byte public key in hex: the tail of the SPKI DER.
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const body = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw } };
  const keyID = crypto.createHash('sha256').update(canonicalize(body)).digest('hex');
  const key = new Key({ keyID, keyType: 'ed25519', scheme: 'ed25519', keyVal: { public: raw } });
  const signer = (data) => new Signature({ keyID, sig: crypto.sign(null, data, privateKey).toString('hex') });
  return { key, signer };
}

function write(name, metadata) {
  const bytes = Buffer.from(JSON.stringify(metadata.toJSON(), null, 1));
  fs.writeFileSync(path.join(outDir, name), bytes);
  return bytes;
}

const metaFile = (version, bytes) =>
  new MetaFile({ version, length: bytes.length, hashes: { sha256: crypto.createHash('sha256').update(bytes).digest('hex') } });

fs.mkdirSync(path.join(outDir, 'targets'), { recursive: true });
const keys = Object.fromEntries(['root', 'targets', 'snapshot', 'timestamp'].map((r) => [r, newKey()]));

const root = new Root({ version: 1, specVersion: SPEC, expires: inAYear, consistentSnapshot: true });
for (const [role, k] of Object.entries(keys)) root.addKey(k.key, role);
const rootMd = new Metadata(root);
rootMd.sign(keys.root.signer);
write('1.root.json', rootMd);
write('root.json', rootMd);

const targets = new Targets({ version: 1, specVersion: SPEC, expires: inAYear });
for (const arg of targetArgs) {
  const eq = arg.indexOf('=');
  const name = arg.slice(0, eq);
  const content = fs.readFileSync(arg.slice(eq + 1));
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  targets.addTarget(new TargetFile({ path: name, length: content.length, hashes: { sha256 } }));
  fs.writeFileSync(path.join(outDir, 'targets', `${sha256}.${name}`), content);
}
const targetsMd = new Metadata(targets);
targetsMd.sign(keys.targets.signer);
const targetsBytes = write('1.targets.json', targetsMd);
write('targets.json', targetsMd);

const snapshotMd = new Metadata(
  new Snapshot({ version: 1, specVersion: SPEC, expires: inAYear, meta: { 'targets.json': metaFile(1, targetsBytes) } }));
snapshotMd.sign(keys.snapshot.signer);
const snapshotBytes = write('1.snapshot.json', snapshotMd);
write('snapshot.json', snapshotMd);

const timestampMd = new Metadata(
  new Timestamp({ version: 1, specVersion: SPEC, expires: timestampExpires, snapshotMeta: metaFile(1, snapshotBytes) }));
timestampMd.sign(keys.timestamp.signer);
write('timestamp.json', timestampMd);
console.log('wrote TUF repository ' + outDir);
