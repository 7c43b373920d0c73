/**
 * What the documents add before the index is built, in fixed-size chunks: growing one array by
 * doubling would copy it each time and briefly hold two, which is what sets the peak memory.
 */
export class ChunkedArray<T extends Uint32Array | Uint16Array | Uint8Array> {
  private static readonly CHUNK = 1 << 20;
  private readonly chunks: T[] = [];
  length = 0;
  constructor(private readonly make: (size: number) => T) {}
  push(value: number): void {
    const offset = this.length % ChunkedArray.CHUNK;
    if (offset === 0) this.chunks.push(this.make(ChunkedArray.CHUNK));
    this.chunks[this.chunks.length - 1]![offset] = value;
    this.length += 1;
  }
  at(index: number): number {
    return this.chunks[Math.floor(index / ChunkedArray.CHUNK)]![index % ChunkedArray.CHUNK]!;
  }
}
