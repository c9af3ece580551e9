import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createHasher, type HashAlgorithm } from '../../server/src/core/seal/hash';
import { Prng } from '../../tools/prng';

const algorithms: HashAlgorithm[] = ['sha1', 'sha256'];

function reference(algorithm: HashAlgorithm, bytes: Uint8Array): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

function ours(algorithm: HashAlgorithm, chunks: readonly Uint8Array[]): string {
  const hasher = createHasher(algorithm);
  for (const chunk of chunks) hasher.update(chunk);
  return hasher.hexDigest();
}

for (const algorithm of algorithms) {
  test(`${algorithm}: the published vectors, the empty input included`, () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const vectors: Record<HashAlgorithm, [string, string][]> = {
      sha1: [
        ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
        ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
        ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
      ],
      sha256: [
        ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
        ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
        ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
      ],
    };
    for (const [input, hex] of vectors[algorithm]) assert.equal(ours(algorithm, [text(input)]), hex, JSON.stringify(input));
  });

  test(`${algorithm}: equals node:crypto on random inputs of every length around the block edges and beyond, fed in random chunks`, () => {
    const random = new Prng(algorithm === 'sha1' ? 16 : 256);
    const lengths = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 100_000];
    for (let i = 0; i < 200; i++) lengths.push(random.int(0, 3000));
    for (const length of lengths) {
      const bytes = new Uint8Array(length);
      for (let j = 0; j < length; j++) bytes[j] = random.int(0, 255);
      // Chunks of 0 to 150 bytes, empty ones included: a chunk may end inside a block or on its edge.
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < length; ) {
        const size = random.int(0, 150);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      assert.equal(ours(algorithm, [bytes]), reference(algorithm, bytes), `length ${length}, whole`);
      assert.equal(ours(algorithm, chunks), reference(algorithm, bytes), `length ${length}, in ${chunks.length} chunks`);
    }
  });
}
