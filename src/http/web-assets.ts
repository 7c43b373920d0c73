/** The files of web/, read once at start-up and served from memory. */
export interface WebAsset {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** A strong validator of the bytes, quoted as HTTP wants it. */
  etag: string;
}

export interface WebAssets {
  /** A file by its path under web/, such as "index.html" or "assets/chat.css". */
  get(path: string): WebAsset | undefined;
  paths(): string[];
}
