/**
 * Finds, in a sandbox's WebAssembly memory, the Float64Array the prelude allocated inside QuickJS,
 * so the host can read and write it in place. quickjs-emscripten has no call for this (its
 * getArrayBuffer and newArrayBuffer copy), but QuickJS never moves an ArrayBuffer's bytes once
 * allocated, so one search for the four random numbers the prelude wrote there is enough; the
 * caller then checks the find by a round trip.
 */
export function findSharedFloats(memory: ArrayBuffer, magic: readonly number[]): number {
  const floats = new Float64Array(memory);
  const first = magic[0]!;
  const last = floats.length - magic.length;
  // QuickJS's allocator aligns blocks to 8 bytes, so a float index covers every candidate.
  for (let i = 0; i <= last; i++) {
    if (floats[i] !== first) continue;
    let all = true;
    for (let k = 1; k < magic.length; k++) {
      if (floats[i + k] !== magic[k]) {
        all = false;
        break;
      }
    }
    if (all) return i * 8;
  }
  return -1;
}

/** Four numbers unlikely to be anywhere else in memory: integers between 2^40 and 2^52. */
export function newMagic(random: () => number = Math.random): number[] {
  return Array.from({ length: 4 }, () => 2 ** 40 + Math.floor(random() * (2 ** 52 - 2 ** 40)));
}

/**
 * A view of the shared floats that follows the memory when it grows: growing a WebAssembly memory
 * detaches the old ArrayBuffer (views over it read as empty), while the bytes stay at the same
 * offset in the new one.
 */
export class SharedFloats {
  private view: Float64Array;

  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly byteOffset: number,
    private readonly length: number,
  ) {
    this.view = new Float64Array(memory.buffer, byteOffset, length);
  }

  /** The view, made again if the memory grew since the last call. */
  get floats(): Float64Array {
    if (this.view.length === 0) {
      this.view = new Float64Array(this.memory.buffer, this.byteOffset, this.length);
    }
    return this.view;
  }
}
